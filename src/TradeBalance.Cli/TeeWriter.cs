using System.Text;

namespace TradeBalance.Cli;

/// <summary>Writes the same text to two writers, so output printed and saved at once is formatted once.</summary>
internal sealed class TeeWriter(TextWriter first, TextWriter second) : TextWriter
{
    public override Encoding Encoding => first.Encoding;

    public override void Write(char value)
    {
        first.Write(value);
        second.Write(value);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        first.Write(buffer);
        second.Write(buffer);
    }

    public override void Write(string? value)
    {
        first.Write(value);
        second.Write(value);
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Flush()
    {
        first.Flush();
        second.Flush();
    }
}
