using System.Text;

namespace TradeBalance.Data.Internal;

/// <summary>The three ways into every CSV reader: a path, a stream, a text reader.</summary>
internal static class CsvEntry
{
    public static T FromPath<T>(string path, TradeFileFormat format, Encoding? encoding, Func<CsvInput, T> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = Input.OpenFile(path);
        using var text = Input.Text(stream, encoding);
        using var csv = CsvInput.Open(text, path, format);
        return read(csv);
    }

    public static T FromStream<T>(Stream stream, string fileName, TradeFileFormat format, Encoding? encoding, Func<CsvInput, T> read)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        using var text = Input.Text(Input.Decompress(stream, fileName, leaveOpen: true), encoding);
        using var csv = CsvInput.Open(text, fileName, format);
        return read(csv);
    }

    public static T FromText<T>(TextReader reader, string fileName, TradeFileFormat format, Func<CsvInput, T> read)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        using var csv = CsvInput.Open(reader, fileName, format);
        return read(csv);
    }

    public static void ToPath(string path, Action<TextWriter> write) => Output.WriteText(path, write);
}
