using System.IO.Compression;

namespace TradeBalance.Data.Tests;

/// <summary>Paths of the fixture files copied next to the test assembly, and temporary files.</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A fresh temporary directory, deleted by the caller's <c>using</c>.</summary>
    public static TempDir TempDir() => new();

    /// <summary>Gzips a file to a new path.</summary>
    public static void Gzip(string from, string to)
    {
        using var input = File.OpenRead(from);
        using var output = File.Create(to);
        using var gz = new GZipStream(output, CompressionLevel.Optimal);
        input.CopyTo(gz);
    }
}

internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tb-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string File(string name) => System.IO.Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
