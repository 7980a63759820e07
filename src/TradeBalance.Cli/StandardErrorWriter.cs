using System.Text;

namespace TradeBalance.Cli;

/// <summary>
/// Standard error for messages: once a write fails (the stream was closed, <c>2&gt;&amp;-</c>), nothing more can be
/// shown, so the rest is dropped and the exit code alone tells what happened. Without this, the message about a
/// failure failed in turn and the runtime aborted the process (exit 134).
/// </summary>
/// <param name="inner">The console's standard error writer.</param>
internal sealed class StandardErrorWriter(TextWriter inner) : TextWriter
{
    private bool _lost;

    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <inheritdoc/>
    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes null to mean the default.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    /// <inheritdoc/>
    public override void Write(char value) => Try(() => inner.Write(value));

    /// <inheritdoc/>
    public override void Write(string? value) => Try(() => inner.Write(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    /// <inheritdoc/>
    public override void Flush() => Try(inner.Flush);

    private void Try(Action write)
    {
        if (_lost)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _lost = true;
        }
    }
}
