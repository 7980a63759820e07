namespace TradeBalance.Data.Internal;

/// <summary>
/// A text reader that turns every line break, <c>\r\n</c> or a lone <c>\r</c>, into <c>\n</c>.
/// </summary>
/// <remarks>
/// Sylvan.Data.Csv 1.4.4 loses track of record ends after a quoted field that holds a lone <c>\r</c>:
/// a later record ending in an empty field ran into the next one (<c>…,annual-average,\nUSD,…</c> read as
/// one 11-field record). Reading only <c>\n</c> avoids that, and line numbers count CR-only files right.
/// A line break inside a quoted field therefore reads as <c>\n</c>. The inner reader is not disposed.
/// </remarks>
internal sealed class NewlineReader(TextReader inner) : TextReader
{
    // The last character handed out was a '\r' turned into '\n': a '\n' right after it belongs to it.
    private bool _afterCr;

    public override int Peek()
    {
        var c = inner.Peek();
        if (_afterCr && c == '\n')
        {
            inner.Read();
            _afterCr = false;
            c = inner.Peek();
        }

        return c == '\r' ? '\n' : c;
    }

    public override int Read()
    {
        while (true)
        {
            var c = inner.Read();
            if (c < 0)
            {
                return -1;
            }

            if (_afterCr && c == '\n')
            {
                _afterCr = false;
                continue;
            }

            _afterCr = c == '\r';
            return _afterCr ? '\n' : c;
        }
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            var n = inner.Read(buffer);
            if (n == 0)
            {
                return 0;
            }

            var written = 0;
            for (var i = 0; i < n; i++)
            {
                var c = buffer[i];
                if (_afterCr && c == '\n')
                {
                    _afterCr = false;
                    continue;
                }

                _afterCr = c == '\r';
                buffer[written++] = _afterCr ? '\n' : c;
            }

            if (written > 0)
            {
                return written;
            }
        }
    }

    public override int ReadBlock(Span<char> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    public override int ReadBlock(char[] buffer, int index, int count) => ReadBlock(buffer.AsSpan(index, count));
}
