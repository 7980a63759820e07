using TradeBalance.Data.Internal;

namespace TradeBalance.Cli;

/// <summary>Refuses an output path that names an input or another output, so a run never overwrites what it reads.</summary>
internal static class OutputPaths
{
    /// <summary>
    /// Throws a usage error when a path is not a usable file name (empty, or holding a NUL), when an
    /// output's folder does not exist, or when an output is the same file as an input or as another
    /// output, also through symbolic links.
    /// </summary>
    /// <param name="outputs">The output options and their paths (null: not given).</param>
    /// <param name="inputs">The input options and their paths (null: not given).</param>
    public static void Check(IEnumerable<(string Option, string? Path)> outputs, IEnumerable<(string Option, string? Path)> inputs)
    {
        var taken = inputs.Where(i => i.Path is not null).Select(i => (i.Option, File: Canonical(i.Option, i.Path!), Role: "input")).ToList();
        foreach (var (option, path) in outputs)
        {
            if (path is null)
            {
                continue;
            }

            var file = Canonical(option, path);
            if (Path.GetDirectoryName(file) is { Length: > 0 } folder && !Directory.Exists(folder))
            {
                throw new UsageException($"{option}: '{path}': the folder '{folder}' does not exist.");
            }

            if (Directory.Exists(file))
            {
                throw new UsageException($"{option}: '{path}' is a folder, not a file; name a file in it.");
            }

            CheckWritable(option, path, file);

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

    /// <summary>The full path of the file a path names, every symbolic link resolved (<see cref="AtomicFile.RealPath"/>); the file need not exist.</summary>
    public static string Resolve(string path) => AtomicFile.RealPath(path);

    private static string Canonical(string option, string path)
    {
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            // .NET refuses these with an ArgumentException naming its own parameter ('path').
            throw new UsageException($"{option}: '{path}' is not a file name{(path.Length == 0 ? string.Empty : " (it holds a NUL character)")}.");
        }

        try
        {
            return Resolve(path);
        }
        catch (IOException e)
        {
            throw new UsageException($"{option}: '{path}': {e.Message}");
        }
    }

    /// <summary>
    /// Refuses, before any work, an output whose folder cannot take a new file (read-only, or not ours): the file is
    /// written beside its target and moved over it, so the folder must be writable even when the file is.
    /// </summary>
    private static void CheckWritable(string option, string path, string file)
    {
        var folder = Path.GetDirectoryName(file) ?? ".";
        if (AtomicFile.CannotCreateIn(folder) is { } reason)
        {
            throw new UsageException($"{option}: '{path}': the folder '{folder}' cannot take a new file ({reason}).");
        }
    }

    /// <summary>
    /// Writes a new file beside the path and moves it over the path only when complete, so a failed or stopped
    /// write leaves the old file (or none), never half a file (<see cref="AtomicFile.Replace"/>); a path through
    /// symbolic links is written at the file they lead to. Every output the tool writes itself (JSON, charts) goes
    /// through here.
    /// </summary>
    public static void Replace(string path, Action<Stream> write) => AtomicFile.Replace(path, write);
}
