using TradeBalance.Data.Internal;

namespace TradeBalance.Cli;

/// <summary>Refuses an output path that names an input or another output, so a run never overwrites what it reads.</summary>
internal static class OutputPaths
{
    /// <summary>
    /// Throws a usage error when a path is not a usable file name (empty, or holding a NUL), when an
    /// output's folder does not exist, when an output is a folder, a block device or a socket, or when an
    /// output is the same file as an input or as another output, also through symbolic links and hard
    /// links, or lies inside an input folder. A character device or a named pipe is written into, so it is neither probed nor compared.
    /// </summary>
    /// <param name="outputs">The output options and their paths (null: not given).</param>
    /// <param name="inputs">The input options and their paths (null: not given).</param>
    public static void Check(IEnumerable<(string Option, string? Path)> outputs, IEnumerable<(string Option, string? Path)> inputs)
    {
        var taken = inputs.Where(i => i.Path is not null).Select(i => Taken(i.Option, i.Path!, "input")).ToList();
        foreach (var (option, path) in outputs)
        {
            if (path is null)
            {
                continue;
            }

            if (path.Contains(NotUtf8))
            {
                // The runtime decodes arguments as UTF-8 and puts U+FFFD for each byte that is not: writing would
                // create a file of another name beside the one the user meant.
                throw new UsageException($"{option}: '{path}' {NotUtf8Reason}");
            }

            var file = Canonical(option, path);
            if (Path.GetDirectoryName(file) is { Length: > 0 } folder && !Directory.Exists(folder))
            {
                throw new UsageException($"{option}: '{path}': the folder '{folder}' does not exist.");
            }

            var identity = FileIdentity.Of(file);
            if (identity.Kind == FileKind.Folder)
            {
                throw new UsageException($"{option}: '{path}' is a folder, not a file; name a file in it.");
            }

            if (AtomicFile.Refusal(path, identity) is { } refused)
            {
                throw new UsageException($"{option}: {refused}");
            }

            if (identity.IsStream)
            {
                // /dev/null, a terminal, a named pipe: written into, never replaced, so nothing is destroyed.
                continue;
            }

            CheckWritable(option, path, file);

            foreach (var other in taken)
            {
                // One file by its spelling (every link resolved) or by its identity (a hard link, a bind mount).
                if (string.Equals(file, other.File, StringComparison.Ordinal) || (identity.IsKnown && identity == other.Identity))
                {
                    throw new UsageException($"{option}: '{path}' is the same file as the {other.Option} {other.Role}; writing it would destroy that file. Choose another name.");
                }

                // An input folder (a converted BACI release) is read by its manifest: nothing may be written into it.
                if (other.Identity.Kind == FileKind.Folder && file.StartsWith(other.File.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new UsageException($"{option}: '{path}' is inside the {other.Option} folder; writing there could replace a file the folder's manifest vouches for. Write it elsewhere.");
                }
            }

            taken.Add((option, file, identity, "output"));
        }
    }

    private const char NotUtf8 = '\uFFFD';

    private const string NotUtf8Reason = "holds a byte that is not UTF-8 (shown as \uFFFD): TradeBalance receives file names as UTF-8 text, so it cannot name that file exactly; rename it, or link to it under a UTF-8 name.";

    private static (string Option, string File, FileIdentity Identity, string Role) Taken(string option, string path, string role)
    {
        if (path.Contains(NotUtf8) && !File.Exists(path) && path != "-")
        {
            // An input of that exact name (a real U+FFFD) exists and is read; otherwise say why, not "does not exist".
            throw new UsageException($"{option}: '{path}' {NotUtf8Reason}");
        }

        var file = Canonical(option, path);
        return (option, file, FileIdentity.Of(file), role);
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
