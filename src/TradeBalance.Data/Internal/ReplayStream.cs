namespace TradeBalance.Data.Internal;

/// <summary>A read-only stream that first returns bytes already read from an inner stream (to peek at magic bytes), then the rest of it.</summary>
internal sealed class ReplayStream(byte[] prefix, int prefixLength, Stream inner, bool leaveOpen) : ReadOnlyStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return inner.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
