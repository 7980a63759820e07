using System.Buffers.Binary;
using System.IO.Compression;

namespace TradeBalance.Data.Internal;

/// <summary>
/// Decompresses gzip and checks it to the end: the content's CRC-32 and length must match the trailer of the
/// last member, so a file cut short (inside the data, at a line break, or just before its 8-byte trailer) or
/// altered is an error instead of a shorter file.
/// </summary>
/// <remarks>
/// <para>.NET's <see cref="GZipStream"/> returns end of stream when the compressed input runs out, whether or not
/// the gzip stream ended; it checks a trailer only when it reaches one. So the check is made here: the CRC-32 of
/// every decompressed byte is kept, and at the end the last 8 compressed bytes must be the CRC-32 and length (mod
/// 2^32) of the last member. A file of several members (<c>cat a.gz b.gz</c>) is accepted when its last member
/// ends where one of the decompressed reads ended (.NET ends a read at a member's end), the last member's CRC
/// being derived from the running CRC and the CRC at that point.</para>
/// <para>The error is an <see cref="InvalidDataException"/> made by <see cref="GzipCheckException.Create"/>, raised by the
/// read that reaches the end; readers turn it into a <see cref="TradeDataException"/> naming the file.</para>
/// </remarks>
internal sealed class CheckedGzipStream : ReadOnlyStream
{
    /// <summary>The most a gzip file may expand (content bytes per compressed byte read) once past <see cref="BombFloor"/>.</summary>
    internal const int MaxExpansion = 200;

    /// <summary>Content read before the expansion is checked: a small file may expand as much as it likes.</summary>
    internal const long BombFloor = 64L << 20;

    private readonly TailStream _compressed;
    private readonly GZipStream _gzip;
    private readonly List<(long Offset, uint Crc)> _readEnds = [];
    private uint _crc;
    private long _length;
    private long _breaks;
    private byte _lastByte = (byte)'\n';
    private bool _wideText;
    private bool _checked;

    public CheckedGzipStream(Stream compressed, bool leaveOpen)
    {
        _compressed = new TailStream(compressed, leaveOpen);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress, leaveOpen: false);
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException e) when (e.InnerException is not GzipCheckException)
        {
            // zlib's own checks (a bad block, its CRC-32 check at a member's end): name the line the content got to.
            throw GzipCheckException.Create(LastLine, InputErrors.GzipProblem, e);
        }

        if (n > 0)
        {
            if (_length == 0)
            {
                // UTF-16 or UTF-32 (by their byte order marks): line breaks are not single 0x0A bytes.
                _wideText = buffer[..n] is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..];
            }

            _crc = Crc32.Append(_crc, buffer[..n]);
            _length += n;
            if (_length > BombFloor && _length > MaxExpansion * Math.Max(1, _compressed.Count))
            {
                // Deflate reaches about 1,030:1 only on content with nothing in it (blank lines, zeros); trade data
                // compresses 5 to 50 times. Refused before such a file costs minutes and memory out of proportion.
                throw GzipCheckException.Create(LastLine, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"expands more than {MaxExpansion} times ({_length:N0} bytes from the first {_compressed.Count:N0} compressed): a gzip bomb or a file of nothing but repeats, not trade data"));
            }

            _breaks += buffer[..n].Count((byte)'\n');
            _lastByte = buffer[n - 1];
            _readEnds.Add((_length, _crc));
            return n;
        }

        if (!_checked)
        {
            _checked = true;
            CheckEnd();
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The line the content ends on (a final line break ends the line before it); line 1 for UTF-16 and UTF-32
    /// text, whose lines are not counted here.</summary>
    private long LastLine => _wideText ? 1 : Math.Max(1, _lastByte == (byte)'\n' ? _breaks : _breaks + 1);

    private void CheckEnd()
    {
        if (!_compressed.AtEnd)
        {
            Span<byte> probe = stackalloc byte[1];
            if (_compressed.Read(probe) > 0)
            {
                throw GzipCheckException.Create(LastLine, "has data after the end of its gzip stream");
            }
        }

        if (_compressed.Count < 18)
        {
            throw GzipCheckException.Create(LastLine, "is cut short: the gzip stream ends before its header and trailer are complete");
        }

        var tail = _compressed.Last8;
        var trailerCrc = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        var trailerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]);
        if ((uint)_length == trailerLength && _crc == trailerCrc)
        {
            return;
        }

        // Several members: the last one's content is a suffix of the output that starts where a read ended.
        foreach (var (offset, crc) in _readEnds)
        {
            var suffix = _length - offset;
            if (suffix > 0 && (uint)suffix == trailerLength && Crc32.Suffix(_crc, crc, suffix) == trailerCrc)
            {
                return;
            }
        }

        throw GzipCheckException.Create(LastLine,
            "is cut short or corrupt: its gzip trailer (CRC-32 and length) does not match the content, so the file was truncated "
            + "(inside the data, at a line break, or before its 8-byte trailer) or altered; download or compress it again");
    }

    /// <summary>The compressed input, counting its bytes and keeping the last eight it handed out.</summary>
    private sealed class TailStream(Stream inner, bool leaveOpen) : ReadOnlyStream
    {
        private readonly byte[] _last = new byte[8];

        public long Count { get; private set; }

        public bool AtEnd { get; private set; }

        /// <summary>Gets the last eight bytes read, oldest first (valid when <see cref="Count"/> is at least 8).</summary>
        public ReadOnlySpan<byte> Last8
        {
            get
            {
                var ordered = new byte[8];
                var start = (int)(Count % 8);
                for (var i = 0; i < 8; i++)
                {
                    ordered[i] = _last[(start + i) % 8];
                }

                return ordered;
            }
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            if (n == 0 && !buffer.IsEmpty)
            {
                AtEnd = true;
            }

            var from = Math.Max(0, n - 8);
            for (var i = from; i < n; i++)
            {
                _last[(int)((Count + i) % 8)] = buffer[i];
            }

            Count += n;
            return n;
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
}
