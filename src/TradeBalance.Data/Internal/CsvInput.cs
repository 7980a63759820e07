using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace TradeBalance.Data.Internal;

/// <summary>
/// One delimited file being read: leading <c>#</c> comment lines and blank lines skipped, the header
/// matched by name (case-insensitive), records streamed by Sylvan with their physical line numbers,
/// the field count checked, and typed field parsing that throws <see cref="TradeDataException"/>.
/// </summary>
internal sealed class CsvInput : RecordInput
{
    private readonly CsvDataReader _csv;
    private readonly string[] _header;

    private long _nextLine;

    private CsvInput(TextReader text, string fileName, long headerLine, string[] header, char delimiter, TradeFileFormat format)
        : base(fileName, headerLine, header, format)
    {
        _header = header;
        Delimiter = delimiter;
        _nextLine = headerLine + 1;
        try
        {
            _csv = CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = false,
                Delimiter = delimiter,
                Comment = NewlineReader.InvalidMarker, // never reaches Sylvan ('\0' made a line starting with NUL a comment, dropped unseen)
                BufferSize = 1 << 16,
                MaxBufferSize = RecordLimit,
                OwnsReader = false,
            });
        }
        catch (DecoderFallbackException e)
        {
            throw new TradeDataException(fileName, _nextLine, null, null, InvalidUtf8, e);
        }
        catch (CsvFormatException e)
        {
            throw Malformed(e);
        }
        catch (InvalidDataException e)
        {
            throw InputErrors.NotGzip(fileName, _nextLine, e);
        }
        catch (TooManyFieldsException e)
        {
            throw TooWide(fileName, e);
        }
        catch (InvalidTextException e)
        {
            throw new TradeDataException(fileName, e.Line, e.Column, null, e.Message, e);
        }
    }

    public char Delimiter { get; }

    /// <summary>What a decoder that throws on invalid bytes is answered with (the default decoding marks them instead; see <see cref="Input.Text"/>).</summary>
    private const string InvalidUtf8 = "is not valid UTF-8 text (save the file as UTF-8, or pass an Encoding to the reader)";

    /// <summary>Opens a text reader: skips leading comment and blank lines, reads and splits the header.</summary>
    public static CsvInput Open(TextReader text, string fileName, TradeFileFormat format, char? delimiter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        text = new NewlineReader(text);
        long line = 0;
        var lastTerminated = true;
        string headerText;
        HsRevision? stated = null;
        while (true)
        {
            string? s;
            bool terminated;
            try
            {
                s = ReadLine(text, out terminated);
            }
            catch (DecoderFallbackException e)
            {
                throw new TradeDataException(fileName, line + 1, null, null, InvalidUtf8, e);
            }
            catch (InvalidDataException e)
            {
                throw InputErrors.NotGzip(fileName, line + 1, e);
            }
            catch (InvalidTextException e)
            {
                throw new TradeDataException(fileName, e.Line, e.Column, null, e.Message, e);
            }

            if (s is null)
            {
                // The end of the file is on the last line, or on the line after it when the file ends with a line break.
                throw new TradeDataException(fileName, lastTerminated ? line + 1 : line, null, null, "the file has no header row (it is empty or holds only '#' comment lines)");
            }

            line++;
            lastTerminated = terminated;

            s = s.TrimStart('\uFEFF');
            var t = s.AsSpan().TrimStart();
            if (t.IsEmpty || t[0] == '#')
            {
                if (RevisionComment(t, fileName, line) is { } r)
                {
                    stated = stated is null || stated == r ? r
                        : throw new TradeDataException(fileName, line, null, null, $"states {r}, but an earlier comment states {stated}: a file holds one HS revision");
                }

                continue;
            }

            headerText = s;
            break;
        }

        if (headerText.StartsWith("PAR1", StringComparison.Ordinal))
        {
            throw new TradeDataException(fileName, line, null, null, "is a Parquet file, not text: read it with TradeFile.ReadFlows (or the tool's --flows), which recognise Parquet");
        }

        var d = delimiter ?? HeaderFields.DetectDelimiter(headerText);
        var header = HeaderFields.Split(headerText, d);
        ((NewlineReader)text).StartRecords(d, header.Length + ExtraFields, line + 1, header);
        return new CsvInput(text, fileName, line, header, d, format) { StatedRevision = stated };
    }

    /// <summary>The comment that states a canonical file's HS revision, as the writers write it.</summary>
    public const string RevisionCommentKey = "# hs-revision:";

    /// <summary>The revision a <c># hs-revision: HS2022</c> comment states; null for any other comment.</summary>
    private static HsRevision? RevisionComment(ReadOnlySpan<char> comment, string fileName, long line)
    {
        if (!comment.StartsWith(RevisionCommentKey, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = comment[RevisionCommentKey.Length..].Trim().ToString();
        return HsRevision.TryParse(value, out var r) ? r
            : throw new TradeDataException(fileName, line, null, value, "is not an HS revision (HS1992 … HS2022, HS17, H5 or 2017), in the file's hs-revision comment");
    }

    /// <summary>The most characters one record may span (several lines when a quoted field holds line breaks).</summary>
    public const int RecordLimit = 1 << 24;

    /// <summary>Fields a record may have beyond the header's before it is refused while being read (more is an error anyway).</summary>
    public const int ExtraFields = 1024;

    /// <summary>The error for a record far wider than the header, found before Sylvan.Data.Csv parses it (see <see cref="NewlineReader"/>).</summary>
    public static TradeDataException TooWide(string fileName, TooManyFieldsException e) =>
        new(fileName, e.Line, null, null, string.Create(CultureInfo.InvariantCulture, $"has more than {e.MaxFields} fields but the header has {e.MaxFields - ExtraFields} (an unbalanced quote may have joined many lines)"), e);

    /// <summary>
    /// The error for a record Sylvan.Data.Csv cannot split, in our words: its messages speak of rows
    /// counted from 0 and of reader settings a user of the file cannot change. The record's first line
    /// and, where Sylvan knows it, the column are named.
    /// </summary>
    private TradeDataException Malformed(CsvFormatException e)
    {
        string? column = e.FieldOrdinal >= 0 && e.FieldOrdinal < _header.Length && e is not CsvRecordTooLargeException ? _header[e.FieldOrdinal] : null;
        var problem = e switch
        {
            CsvRecordTooLargeException => string.Create(CultureInfo.InvariantCulture, $"starts a record longer than {RecordLimit:N0} characters; a quote that is never closed joins the lines after it into one record"),
            CsvInvalidCharacterException { InvalidCharacter: not '"' } c => $"has malformed quoting: a closing quote is followed by '{c.InvalidCharacter}'; after the closing quote of a field comes the delimiter or the end of the line",
            _ => "has malformed quoting: a quote inside a quoted field must be doubled (\"\"), and a quoted field must be closed",
        };
        return new TradeDataException(FileName, _nextLine, column, null, problem, e);
    }

    /// <summary>Reads a line ending in \n, \r\n or \r (like <see cref="TextReader.ReadLine"/>), saying whether it ended with a line break; null at the end.</summary>
    private static string? ReadLine(TextReader text, out bool terminated)
    {
        var sb = new StringBuilder();
        terminated = false;
        while (true)
        {
            var c = text.Read();
            if (c < 0)
            {
                return sb.Length == 0 ? null : sb.ToString();
            }

            if (c is '\n' or '\r')
            {
                if (c == '\r' && text.Peek() == '\n')
                {
                    text.Read();
                }

                terminated = true;
                return sb.ToString();
            }

            sb.Append((char)c);
        }
    }

    /// <summary>Moves to the next record: checks the field count, skips (and counts) blank lines.</summary>
    /// <exception cref="TradeDataException">Wrong field count, malformed CSV or invalid UTF-8.</exception>
    public override bool Read()
    {
        while (true)
        {
            bool ok;
            try
            {
                ok = _csv.Read();
            }
            catch (DecoderFallbackException e)
            {
                throw new TradeDataException(FileName, _nextLine, null, null, InvalidUtf8, e);
            }
            catch (CsvFormatException e)
            {
                throw Malformed(e);
            }
            catch (InvalidDataException e)
            {
                throw InputErrors.NotGzip(FileName, _nextLine, e);
            }
            catch (TooManyFieldsException e)
            {
                throw TooWide(FileName, e);
            }
            catch (InvalidTextException e)
            {
                throw new TradeDataException(FileName, e.Line, e.Column, null, e.Message, e);
            }

            if (!ok)
            {
                return false;
            }

            Line = _nextLine;
            var n = _csv.RowFieldCount;

            // Line breaks inside quoted fields: every '\n' of the raw record but its own line end (NewlineReader
            // turned each break into one '\n'). One vectorised count, not one per field.
            var raw = _csv.GetRawRecordSpan();
            long breaks = raw.Count('\n') - (raw.Length > 0 && raw[^1] == '\n' ? 1 : 0);
            _nextLine += 1 + breaks;
            Report.Read++;
            if (n <= 1 && _header.Length > 1 && (n == 0 || _csv.GetFieldSpan(0).Trim().IsEmpty))
            {
                Report.Skip("blank line");
                continue;
            }

            if (n != _header.Length)
            {
                throw new TradeDataException(FileName, Line, null, null, string.Create(CultureInfo.InvariantCulture, $"has {n} fields but the header has {_header.Length} (a value with a '{Delimiter}' must be quoted)"));
            }

            return true;
        }
    }

    protected override ReadOnlySpan<char> Field(int ordinal) => _csv.GetFieldSpan(ordinal);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
        }

        base.Dispose(disposing);
    }
}
