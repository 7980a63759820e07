using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TradeBalance.Data.Fetch.Internal;

/// <summary>
/// The on-disk cache of completed pieces. A piece is one file, <c>PROVIDER/KEY.piece</c>: a first line of JSON (the
/// request without the key, when it was fetched, the body's length and SHA-256) and then the body exactly as received.
/// A piece is checked before it is written and written whole or not at all (temporary file, fsync, rename, fsync of
/// the folder), so a process killed at any moment leaves either no piece or a complete one; a piece that fails its
/// check when read (length, hash, request, content) is reported as corrupt and fetched again.
/// </summary>
internal sealed class FetchCache
{
    /// <summary>The longest header line read.</summary>
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly string _directory;

    public FetchCache(string directory)
    {
        _directory = Path.GetFullPath(directory);
    }

    public string Directory => _directory;

    /// <summary>The file of a request's piece.</summary>
    public string PathOf(CacheRequest request) => Path.Combine(_directory, request.Provider, request.Key + ".piece");

    /// <summary>
    /// The cached piece of a request, or null when there is none. A piece that exists but fails a check gives null and
    /// says why in <paramref name="corrupt"/>.
    /// </summary>
    public CachedPiece? Read(CacheRequest request, long maxBodyBytes, Func<byte[], string?> problemOf, out string? corrupt)
    {
        corrupt = null;
        var path = PathOf(request);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > maxBodyBytes + MaxHeaderBytes)
            {
                corrupt = $"is {info.Length:N0} bytes, more than a piece can be";
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            corrupt = "cannot be read: " + e.Message;
            return null;
        }

        var newline = Array.IndexOf(bytes, (byte)'\n', 0, Math.Min(bytes.Length, MaxHeaderBytes));
        if (newline < 0)
        {
            corrupt = "has no header line";
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(bytes.AsMemory(0, newline), new JsonDocumentOptions { MaxDepth = 8 });
            var root = header.RootElement;
            var format = root.GetProperty("format").GetString();
            var url = root.GetProperty("request").GetProperty("url").GetString();
            var length = root.GetProperty("bodyBytes").GetInt64();
            var sha = root.GetProperty("bodySha256").GetString();
            var at = DateTimeOffset.Parse(root.GetProperty("fetchedAt").GetString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            if (format != CacheRequest.Format || url != request.Url.AbsoluteUri)
            {
                corrupt = "belongs to another request or format";
                return null;
            }

            var body = bytes.AsSpan(newline + 1).ToArray();
            if (body.LongLength != length)
            {
                corrupt = $"holds {body.Length:N0} bytes of body; its header says {length:N0} (cut short?)";
                return null;
            }

            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(body)), sha, StringComparison.Ordinal))
            {
                corrupt = "does not match its SHA-256";
                return null;
            }

            if (problemOf(body) is { } problem)
            {
                corrupt = problem;
                return null;
            }

            return new CachedPiece(request, body, at, FromCache: true);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            corrupt = "has a header that cannot be read";
            return null;
        }
    }

    /// <summary>Stores a piece that passed its check: whole or not at all.</summary>
    public CachedPiece Write(CacheRequest request, byte[] body, DateTimeOffset fetchedAt)
    {
        var path = PathOf(request);
        var folder = Path.GetDirectoryName(path)!;
        CreateFolder(folder);
        RemoveDebris(folder);
        var header = Header(request, body, fetchedAt);
        var temporary = Path.Combine(folder, $".{request.Key[..16]}-{Random.Shared.NextInt64():x16}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(header);
                stream.WriteByte((byte)'\n');
                stream.Write(body);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        SyncFolder(folder);
        return new CachedPiece(request, body, fetchedAt, FromCache: false);
    }

    /// <summary>
    /// Deletes temporary files an earlier process left when it was killed mid-write (they are never read): those older
    /// than an hour, so a write in progress in another process is left alone.
    /// </summary>
    private static void RemoveDebris(string folder)
    {
        var cutoff = DateTime.UtcNow - TimeSpan.FromHours(1);
        foreach (var file in System.IO.Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    File.Delete(file);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process's file, or gone already: debris is harmless, as it is never read.
            }
        }
    }

    private static byte[] Header(CacheRequest request, byte[] body, DateTimeOffset fetchedAt)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format", CacheRequest.Format);
            w.WriteStartObject("request");
            w.WriteString("provider", request.Provider);
            w.WriteString("method", CacheRequest.Method);
            w.WriteString("url", request.Url.AbsoluteUri);
            w.WriteStartObject("parameters");
            foreach (var (name, value) in request.Parameters)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("fetchedAt", fetchedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            w.WriteNumber("bodyBytes", body.LongLength);
            w.WriteString("bodySha256", Convert.ToHexStringLower(SHA256.HashData(body)));
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(folder);
        }
        else
        {
            // Only the user: the cache holds what the user's key bought.
            System.IO.Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Makes the rename itself durable: without it a power cut may leave the folder without the new name.</summary>
    private static void SyncFolder(string folder)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        try
        {
            var fd = NativeMethods.open(Encoding.UTF8.GetBytes(folder + "\0"), 0);
            if (fd >= 0)
            {
                _ = NativeMethods.fsync(fd);
                _ = NativeMethods.close(fd);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to call: the file itself was synced; the folder entry follows at the system's pace.
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable CA2101, SYSLIB1054 // A byte path (UTF-8, NUL-terminated) needs no marshalling; source generators are not used in this project.
        internal static extern int open(byte[] path, int flags);
#pragma warning restore CA2101, SYSLIB1054

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054
        internal static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int close(int fd);
#pragma warning restore SYSLIB1054
    }
}
