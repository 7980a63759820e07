namespace TradeBalance.Cli;

/// <summary>
/// Standard output for the tool's writers: a failed write or flush (the stream closed, the reader gone, the disk
/// full) becomes an <see cref="IOException"/> that says it was standard output, which the tool reports in one line
/// with exit 1. .NET reports a closed descriptor as <see cref="UnauthorizedAccessException"/> ("Access to the path is
/// denied"), which named nothing the user could act on.
/// </summary>
/// <param name="inner">The console's standard output stream.</param>
internal sealed class StandardOutputStream(Stream inner) : Stream
{
    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The message for a failure of standard output.</summary>
    internal static string Describe(Exception e)
    {
        var reason = (e.InnerException as IOException ?? e).Message.TrimEnd('.');
        return $"standard output could not be written ({reason}): it was closed, its reader stopped, or its disk is full.";
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(Describe(e), e);
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(Describe(e), e);
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
