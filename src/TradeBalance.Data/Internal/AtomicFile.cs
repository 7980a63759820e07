using System.Runtime.InteropServices;

namespace TradeBalance.Data.Internal;

/// <summary>
/// Replaces a file only once its new content is complete: the content goes to a short temporary name beside the
/// file's real location (every symbolic link resolved, in the folders too), which is then moved over it. A failed
/// write deletes its temporary file, and so does a process stopped while writing (SIGINT, SIGTERM): no debris is
/// left beside the target, which keeps its old content. A character device (<c>/dev/null</c>) or a named pipe is written
/// straight into, as a stream: there is no file to replace. A block device or a socket is refused.
/// </summary>
/// <remarks>Compiled into TradeBalance.Data and the tool (a linked source file), so both write files one way.</remarks>
internal static class AtomicFile
{
    /// <summary>The most symbolic links followed in one path, as Linux's own limit (ELOOP after 40).</summary>
    private const int MaxLinks = 40;

    /// <summary>Writes the content through <paramref name="write"/> and moves it over <paramref name="path"/> when complete.</summary>
    /// <exception cref="IOException">The path is a folder, a block device, a socket, a link loop, or cannot be written.</exception>
    public static void Replace(string path, Action<Stream> write)
    {
        var target = RealPath(path);
        var identity = FileIdentity.Of(target);
        if (identity.IsStream)
        {
            // Replacing /dev/null with a regular file (as root) would break every program that writes to it.
            using var device = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
            write(device);
            return;
        }

        if (Refusal(path, identity) is { } refused)
        {
            throw new IOException(refused);
        }

        // A short name, whatever the target's length: a name near the file system's 255-byte limit plus a suffix would not fit.
        var temporary = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".tradebalance-{Random.Shared.NextInt64():x16}.tmp");
        // While the file is written, a stop deletes it; the signal then ends the process as it would have.
        using var interrupt = OnSignal(PosixSignal.SIGINT, temporary);
        using var terminate = OnSignal(PosixSignal.SIGTERM, temporary);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Why an output cannot be written at a path of this kind (a folder, a block device, a socket), or null when it can.</summary>
    public static string? Refusal(string path, FileIdentity identity) => identity.Kind switch
    {
        FileKind.Folder => $"'{path}' is a folder, not a file.",
        FileKind.BlockDevice or FileKind.Socket => $"'{path}' is {identity.Describe()}, not a file; TradeBalance writes files, character devices (/dev/null) and named pipes.",
        _ => null,
    };

    /// <summary>
    /// Whether a new file can be made in the folder: one is made and deleted (deleted too if the process is stopped
    /// meanwhile). Null when it can; else why not, in the system's words.
    /// </summary>
    public static string? CannotCreateIn(string folder)
    {
        var probe = Path.Combine(folder, $".tradebalance-{Random.Shared.NextInt64():x16}.tmp");
        using var interrupt = OnSignal(PosixSignal.SIGINT, probe);
        using var terminate = OnSignal(PosixSignal.SIGTERM, probe);
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (e.InnerException ?? e).Message.TrimEnd('.');
        }
    }

    /// <summary>A handler that deletes the temporary file when the process is stopped; null where signals are not supported.</summary>
    private static PosixSignalRegistration? OnSignal(PosixSignal signal, string temporary)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, _ => Delete(temporary));
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static void Delete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Being stopped: nothing more can be done about a file that cannot be deleted.
        }
    }

    /// <summary>
    /// The full path of the file a path names, with every symbolic link resolved, in its folders as in its name
    /// (<c>link-to-folder/out.csv</c>, <c>/proc/self/cwd/out.csv</c>): two spellings of one file give one path. The
    /// file need not exist.
    /// </summary>
    /// <exception cref="IOException">The path runs through more than 40 links (a loop).</exception>
    public static string RealPath(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    private static string Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"'{full}' runs through more than {MaxLinks} symbolic links (a loop).");
            }

            // The link's target, relative to the folder holding the link, then the rest of the path after it.
            var resolved = Path.GetFullPath(Path.Combine(current, target));
            var rest = string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]);
            return Resolve(rest.Length == 0 ? resolved : Path.Combine(resolved, rest), ref links);
        }

        return current;
    }
}
