namespace TradeBalance.Cli;

/// <summary>Refuses an output path that names an input or another output, so a run never overwrites what it reads.</summary>
internal static class OutputPaths
{
    /// <summary>Throws a usage error when an output is the same file as an input or as another output, also through symbolic links.</summary>
    /// <param name="outputs">The output options and their paths (null: not given).</param>
    /// <param name="inputs">The input options and their paths (null: not given).</param>
    public static void Check(IEnumerable<(string Option, string? Path)> outputs, IEnumerable<(string Option, string? Path)> inputs)
    {
        var taken = inputs.Where(i => i.Path is not null).Select(i => (i.Option, File: Canonical(i.Path!), Role: "input")).ToList();
        foreach (var (option, path) in outputs)
        {
            if (path is null)
            {
                continue;
            }

            var file = Canonical(path);
            foreach (var other in taken)
            {
                if (string.Equals(file, other.File, StringComparison.Ordinal))
                {
                    throw new UsageException($"{option}: '{path}' is the same file as the {other.Option} {other.Role}; writing it would destroy that file. Choose another name.");
                }
            }

            taken.Add((option, file, "output"));
        }
    }

    /// <summary>The full path of the file a path names: a symbolic link's final target, else the path itself (which need not exist).</summary>
    public static string Resolve(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is null ? file.FullName : Path.GetFullPath(file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName);
    }

    private static string Canonical(string path)
    {
        try
        {
            return Resolve(path);
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }
}
