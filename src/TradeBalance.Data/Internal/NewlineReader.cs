using System.Buffers;
using System.Globalization;

namespace TradeBalance.Data.Internal;

/// <summary>
/// A text reader that turns every line break, <c>\r\n</c> or a lone <c>\r</c>, into <c>\n</c>.
/// </summary>
/// <remarks>
/// Sylvan.Data.Csv 1.4.4 loses track of record ends after a quoted field that holds a lone <c>\r</c>:
/// a later record ending in an empty field ran into the next one (<c>…,annual-average,\nUSD,…</c> read as
/// one 11-field record). Reading only <c>\n</c> avoids that, and line numbers count CR-only files right.
/// A line break inside a quoted field therefore reads as <c>\n</c>. The inner reader is not disposed.
/// <para>It is also the line layer's gate for control characters: a C0 control other than tab and the line breaks
/// (NUL above all, what a zeroed block of a crashed writer or a bad disk leaves) outside a quoted field is refused
/// with its line and column, in every reader. Sylvan.Data.Csv took a line starting with NUL for a comment and dropped
/// it without a word.</para>
/// </remarks>
internal sealed class NewlineReader(TextReader inner) : TextReader
{
    // The last character handed out was a '\r' turned into '\n': a '\n' right after it belongs to it.
    private bool _afterCr;

    // Physical lines handed out so far (line breaks), and characters since the last break: every character passes
    // here, so this is where a line's true number is known and where a line without end is stopped.
    private long _breaks;
    private long _sinceBreak;

    // Field counting (after StartRecords): Sylvan.Data.Csv 1.4.4 allocates about quadratically in the fields
    // of one record (50,000 fields: 470 MB), so a record far wider than the header is refused here first.
    private char _delimiter;
    private string[]? _header;
    private int _maxFields;
    private int _fields;
    private long _line;
    private long _recordLine;
    private State _state;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>From here on, counts the fields of each record (RFC 4180 quoting, as Sylvan reads it) and throws
    /// <see cref="TooManyFieldsException"/> when one has more than <paramref name="maxFields"/>.</summary>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="maxFields">The most fields a record may have.</param>
    /// <param name="line">The line the next record starts on (the error names the line a record starts on).</param>
    /// <param name="header">The column names, to name the column a control character is in; null: none named.</param>
    public void StartRecords(char delimiter, int maxFields, long line, string[]? header = null)
    {
        _delimiter = delimiter;
        _header = header;
        _maxFields = maxFields;
        _line = line;
        _recordLine = line;
        _fields = 1;
        _state = State.FieldStart;
    }

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
            var ch = _afterCr ? '\n' : (char)c;
            Check(new ReadOnlySpan<char>(in ch));
            Count(ch);
            return ch;
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

            if (!_afterCr && !buffer[..n].Contains('\r'))
            {
                // Nothing to rewrite (most text): count the fields a run at a time rather than a character at a time.
                Check(buffer[..n]);
                CountRuns(buffer[..n]);
                return n;
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
                var ch = _afterCr ? '\n' : c;
                Check(new ReadOnlySpan<char>(in ch));
                Count(ch);
                buffer[written++] = ch;
            }

            if (written > 0)
            {
                return written;
            }
        }
    }

    /// <summary>The most characters a line may hold: beyond it the input is refused rather than buffered without end.</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>The C0 control characters a line may not hold outside a quoted field: all but tab, line feed and
    /// carriage return.</summary>
    public static readonly SearchValues<char> Controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>Why a control character outside a quoted field is refused, as the end of a sentence that starts with the
    /// file, line and column.</summary>
    /// <param name="c">The character (one of <see cref="Controls"/>).</param>
    public static string ControlProblem(char c) => c == '\0'
        ? "holds a NUL byte (U+0000) outside a quoted field; a text file has none (a zeroed block is what a crashed writer or a bad disk leaves): the line is refused rather than dropped"
        : string.Create(CultureInfo.InvariantCulture, $"holds the control character U+{(int)c:X4} outside a quoted field; a text file has none there (quote the field if it is part of a text value)");

    /// <summary>What <see cref="Input.Text"/> puts in place of bytes that are not valid in the encoding (U+FFFF, a
    /// noncharacter no trade file holds), so that the error can name the line the bytes are on.</summary>
    public const char InvalidMarker = '\uFFFF';

    /// <summary>Counts the physical lines of characters about to be handed out, in order, and stops at an invalid
    /// byte (<see cref="InvalidMarker"/>) or a line longer than <see cref="MaxLineLength"/>, naming its line.</summary>
    /// <exception cref="InvalidTextException">Either problem.</exception>
    private void Check(ReadOnlySpan<char> text)
    {
        var bad = text.IndexOf(InvalidMarker);

        // A control character on an earlier line than the bad byte is the first problem: before the records (the
        // header and the lines before it) any control counts; from the records on, one outside a quoted field.
        var before = bad < 0 ? text : text[..bad];
        if (_maxFields == 0)
        {
            var control = before.IndexOfAny(Controls);
            if (control >= 0)
            {
                throw new InvalidTextException(_breaks + 1 + text[..control].Count('\n'), ControlProblem(text[control]));
            }
        }
        else if (bad >= 0)
        {
            CountRuns(before);
        }

        if (bad >= 0)
        {
            throw new InvalidTextException(_breaks + 1 + text[..bad].Count('\n'), "is not valid UTF-8 text (save the file as UTF-8)");
        }

        var last = text.LastIndexOf('\n');
        if (_sinceBreak + text.Length > MaxLineLength)
        {
            // A long stretch: look at each line of it (rare; one chunk is shorter than the limit).
            var rest = text;
            var line = _breaks + 1;
            var run = _sinceBreak;
            while (true)
            {
                var nl = rest.IndexOf('\n');
                var length = run + (nl < 0 ? rest.Length : nl);
                if (length > MaxLineLength)
                {
                    throw new InvalidTextException(line, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"has a line longer than {MaxLineLength:N0} characters (is it a text file with line breaks?)"));
                }

                if (nl < 0)
                {
                    break;
                }

                rest = rest[(nl + 1)..];
                run = 0;
                line++;
            }
        }

        if (last < 0)
        {
            _sinceBreak += text.Length;
        }
        else
        {
            _breaks += text.Count('\n');
            _sinceBreak = text.Length - last - 1;
        }
    }

    /// <summary>
    /// <see cref="Count"/> for each character of <paramref name="text"/>, in order, with the same outcome (state,
    /// line, fields, the same exception), but a run between quotes and line breaks at a time: the delimiters of
    /// an unquoted run are counted in one vectorised pass, and a quoted run is skipped to its next quote or break.
    /// </summary>
    private void CountRuns(ReadOnlySpan<char> text)
    {
        if (_maxFields == 0)
        {
            return;
        }

        var i = 0;
        while (i < text.Length)
        {
            switch (_state)
            {
                case State.Quoted:
                    var q = text[i..].IndexOfAny('"', '\n');
                    if (q < 0)
                    {
                        return; // the rest is inside the quotes
                    }

                    i += q;
                    if (text[i++] == '"')
                    {
                        _state = State.QuoteInQuoted;
                    }
                    else
                    {
                        _line++;
                    }

                    break;
                case State.QuoteInQuoted:
                    Count(text[i++]);
                    break;
                case State.FieldStart when text[i] == '"':
                    _state = State.Quoted;
                    i++;
                    break;
                default:
                    // An unquoted run up to the next line break or quote: its delimiters start fields.
                    var rest = text[i..];
                    var end = rest.IndexOfAny('\n', '"');
                    var run = end < 0 ? rest : rest[..end];
                    if (!run.IsEmpty)
                    {
                        var control = run.IndexOfAny(Controls);
                        if (control >= 0)
                        {
                            _fields += run[..control].Count(_delimiter);
                            throw ControlOutsideQuotes(run[control]);
                        }

                        _fields += run.Count(_delimiter);
                        if (_fields > _maxFields)
                        {
                            throw new TooManyFieldsException(_recordLine, _maxFields);
                        }

                        _state = run[^1] == _delimiter ? State.FieldStart : State.Unquoted;
                    }

                    if (end < 0)
                    {
                        return;
                    }

                    i += end;
                    Count(text[i++]); // a line break ends the record; a quote opens a field only at its start
                    break;
            }
        }
    }

    private void Count(char c)
    {
        if (_maxFields == 0)
        {
            return;
        }

        switch (_state)
        {
            case State.Quoted:
                if (c == '"')
                {
                    _state = State.QuoteInQuoted;
                }
                else if (c == '\n')
                {
                    _line++;
                }

                return;
            case State.QuoteInQuoted when c == '"':
                _state = State.Quoted;
                return;
            case State.FieldStart when c == '"':
                _state = State.Quoted;
                return;
        }

        if (c < ' ' && Controls.Contains(c))
        {
            throw ControlOutsideQuotes(c);
        }

        if (c == '\n')
        {
            _recordLine = ++_line;
            _fields = 1;
            _state = State.FieldStart;
        }
        else if (c == _delimiter)
        {
            if (++_fields > _maxFields)
            {
                throw new TooManyFieldsException(_recordLine, _maxFields);
            }

            _state = State.FieldStart;
        }
        else
        {
            _state = State.Unquoted;
        }
    }

    /// <summary>The error for a control character outside a quoted field at the current place: its line and column.</summary>
    private InvalidTextException ControlOutsideQuotes(char c) =>
        new(_line, ControlProblem(c)) { Column = _header is { } h && _fields - 1 < h.Length ? h[_fields - 1] : null };

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
