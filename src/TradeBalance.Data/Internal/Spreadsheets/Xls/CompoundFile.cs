using System.Buffers.Binary;
using System.Collections;
using System.Globalization;
using System.Text;

namespace TradeBalance.Data.Internal.Spreadsheets.Xls;

/// <summary>
/// A Compound File Binary (OLE2, [MS-CFB]) container held in memory, read only as far as an xls needs: the
/// FAT (through the header's and the chained DIFAT sectors), the directory, the mini FAT and mini stream,
/// and one stream by name. Every sector number is checked against the file, every chain for cycles (a
/// chain may visit each sector once), and every declared size against what its chain holds.
/// </summary>
internal sealed class CompoundFile
{
    /// <summary>The eight bytes a compound file starts with.</summary>
    public static ReadOnlySpan<byte> Magic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const int HeaderDifatEntries = 109;
    private const int DirectoryEntrySize = 128;
    private const int MiniSectorSize = 64;
    private const uint MiniStreamCutoff = 4096;

    private readonly string _fileName;
    private readonly byte[] _bytes;
    private readonly int _sectorSize;
    private readonly int _sectorCount;
    private readonly uint[] _fat;
    private readonly List<DirectoryEntry> _directory;
    private uint[]? _miniFat;
    private byte[]? _miniStream;

    private CompoundFile(string fileName, byte[] bytes)
    {
        _fileName = fileName;
        _bytes = bytes;
        if (bytes.Length < 512 || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw Error("header", "is not a compound file header (too short or wrong signature)");
        }

        var major = U16(0x1A);
        var shift = U16(0x1E);
        if (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x1C)) != 0xFFFE || !((major == 3 && shift == 9) || (major == 4 && shift == 12)) || U16(0x20) != 6)
        {
            throw Error("header", string.Create(CultureInfo.InvariantCulture, $"declares version {major} with sector shift {shift}: expected version 3 (512-byte sectors) or 4 (4096-byte sectors), little-endian, 64-byte mini sectors"));
        }

        _sectorSize = 1 << shift;
        if (bytes.Length <= _sectorSize)
        {
            throw Error("header", "is followed by no sectors: the file is truncated");
        }

        // Sector 0 starts after the header (which fills a whole sector in version 4); a short last sector counts.
        _sectorCount = (int)((bytes.Length - _sectorSize + (long)_sectorSize - 1) / _sectorSize);
        _fat = ReadFat();
        _directory = ReadDirectory();
    }

    /// <summary>Opens the compound file held in <paramref name="bytes"/>.</summary>
    public static CompoundFile Open(string fileName, byte[] bytes) => new(fileName, bytes);

    /// <summary>The bytes of a stream found by name (compared case-insensitively, as CFB does), or null.</summary>
    public byte[]? ReadStream(string name)
    {
        var entry = _directory.FirstOrDefault(e => e.Type == 2 && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }

        var where = $"stream '{entry.Name}'";
        if (entry.Size > SpreadsheetLimits.MaxStreamBytes)
        {
            throw Error(where, string.Create(CultureInfo.InvariantCulture, $"declares {entry.Size:N0} bytes, more than the {SpreadsheetLimits.MaxStreamBytes:N0} a workbook may have"));
        }

        if (entry.Size < MiniStreamCutoff)
        {
            _miniFat ??= ReadMiniFat();
            _miniStream ??= ReadMiniStreamContainer();
            return ReadChain(entry.Start, entry.Size, _miniFat, _miniStream, MiniSectorSize, where + " (mini stream)");
        }

        return ReadChain(entry.Start, entry.Size, _fat, null, _sectorSize, where);
    }

    /// <summary>Whether any stream has this name (to tell a BIFF5 "Book" from a BIFF8 "Workbook").</summary>
    public bool HasStream(string name) => _directory.Exists(e => e.Type == 2 && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    private uint[] ReadFat()
    {
        var fatSectors = U32(0x2C);
        var firstDifat = U32(0x44);
        var difatSectors = U32(0x48);
        if (fatSectors == 0 || fatSectors > (uint)_sectorCount || difatSectors > (uint)_sectorCount)
        {
            throw Error("header", string.Create(CultureInfo.InvariantCulture, $"declares {fatSectors:N0} FAT and {difatSectors:N0} DIFAT sectors, but the file holds {_sectorCount:N0} sectors"));
        }

        var fatSectorNumbers = new List<uint>((int)fatSectors);
        for (var i = 0; i < HeaderDifatEntries && fatSectorNumbers.Count < fatSectors; i++)
        {
            fatSectorNumbers.Add(U32(0x4C + (i * 4)));
        }

        // The DIFAT chain: each sector lists FAT sectors and ends with the next DIFAT sector's number.
        var perDifat = (_sectorSize / 4) - 1;
        var visited = new BitArray(_sectorCount);
        var difat = firstDifat;
        for (var n = 0; fatSectorNumbers.Count < fatSectors; n++)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"DIFAT sector {difat}");
            if (n >= difatSectors || difat >= (uint)_sectorCount)
            {
                throw Error(where, string.Create(CultureInfo.InvariantCulture, $"is missing or out of range: the FAT needs {fatSectors:N0} sectors and the DIFAT ends after {fatSectorNumbers.Count:N0}"));
            }

            if (visited[(int)difat])
            {
                throw Error(where, "is visited twice: the DIFAT chain has a cycle");
            }

            visited[(int)difat] = true;
            var sector = Sector(difat);
            for (var i = 0; i < perDifat && fatSectorNumbers.Count < fatSectors; i++)
            {
                fatSectorNumbers.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[(i * 4)..]));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[(perDifat * 4)..]);
        }

        // fatSectors <= the sectors in the file, so this allocation is bounded by the file's size.
        var fat = new uint[fatSectorNumbers.Count * (_sectorSize / 4)];
        for (var i = 0; i < fatSectorNumbers.Count; i++)
        {
            var s = fatSectorNumbers[i];
            if (s >= (uint)_sectorCount)
            {
                throw Error(string.Create(CultureInfo.InvariantCulture, $"FAT sector {i}"), string.Create(CultureInfo.InvariantCulture, $"is numbered {s}, beyond the file's {_sectorCount:N0} sectors"));
            }

            var sector = Sector(s);
            for (var j = 0; j < _sectorSize / 4; j++)
            {
                fat[(i * (_sectorSize / 4)) + j] = BinaryPrimitives.ReadUInt32LittleEndian(sector[(j * 4)..]);
            }
        }

        return fat;
    }

    private List<DirectoryEntry> ReadDirectory()
    {
        var bytes = ReadChain(U32(0x30), null, _fat, null, _sectorSize, "directory");
        var entries = new List<DirectoryEntry>();
        for (var offset = 0; offset + DirectoryEntrySize <= bytes.Length; offset += DirectoryEntrySize)
        {
            var e = bytes.AsSpan(offset, DirectoryEntrySize);
            var nameBytes = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(e[64..]), 64);
            var name = Encoding.Unicode.GetString(e[..(nameBytes & ~1)]).TrimEnd('\0');
            var size = BinaryPrimitives.ReadUInt64LittleEndian(e[120..]);
            if (_sectorSize == 512)
            {
                size &= 0xFFFFFFFF; // version 3: the high half may hold garbage ([MS-CFB] 2.6.1)
            }

            entries.Add(new DirectoryEntry(name, e[66], BinaryPrimitives.ReadUInt32LittleEndian(e[116..]), size));
        }

        if (entries.Count == 0 || entries[0].Type != 5)
        {
            throw Error("directory", "does not start with a root entry");
        }

        return entries;
    }

    private uint[] ReadMiniFat()
    {
        var bytes = ReadChain(U32(0x3C), null, _fat, null, _sectorSize, "mini FAT");
        var miniFat = new uint[bytes.Length / 4];
        for (var i = 0; i < miniFat.Length; i++)
        {
            miniFat[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return miniFat;
    }

    private byte[] ReadMiniStreamContainer()
    {
        var root = _directory[0];
        return root.Size > SpreadsheetLimits.MaxStreamBytes
            ? throw Error("root entry", "declares a mini stream larger than a workbook may have")
            : ReadChain(root.Start, root.Size, _fat, null, _sectorSize, "mini stream");
    }

    /// <summary>
    /// Follows a chain of sectors and gathers their bytes: in the file (<paramref name="container"/> null) or
    /// in the mini stream. With a declared size, the chain must hold that many bytes and the result is cut to it.
    /// </summary>
    private byte[] ReadChain(uint start, ulong? size, uint[] table, byte[]? container, int sectorSize, string where)
    {
        var available = container is null ? _sectorCount : container.Length / sectorSize;
        var visited = new BitArray(Math.Max(available, 0));
        using var output = new MemoryStream();
        var sector = start;
        var count = 0;
        while (sector != EndOfChain && (size is null || (ulong)output.Length < size))
        {
            if (sector >= (uint)available || sector >= (uint)table.Length)
            {
                var what = sector == FreeSector ? "a free sector" : string.Create(CultureInfo.InvariantCulture, $"sector {sector}, beyond the {available:N0} there are");
                throw Error(where, string.Create(CultureInfo.InvariantCulture, $"has a chain that leads to {what} after {count:N0} sectors"));
            }

            if (visited[(int)sector])
            {
                throw Error(where, string.Create(CultureInfo.InvariantCulture, $"has a chain that comes back to sector {sector} after {count:N0} sectors: a cycle"));
            }

            visited[(int)sector] = true;
            if (container is null)
            {
                output.Write(Sector(sector));
            }
            else
            {
                output.Write(container, (int)sector * sectorSize, sectorSize);
            }

            sector = table[sector];
            count++;
        }

        if (size is { } s && (ulong)output.Length < s)
        {
            throw Error(where, string.Create(CultureInfo.InvariantCulture, $"declares {s:N0} bytes but its chain holds {output.Length:N0}: the file is truncated or corrupt"));
        }

        return size is { } cut ? output.GetBuffer().AsSpan(0, (int)cut).ToArray() : output.ToArray();
    }

    // A sector's bytes; the file's last sector may be short, and is padded with zeros (as readers do).
    private ReadOnlySpan<byte> Sector(uint sector)
    {
        var offset = ((long)sector + 1) * _sectorSize;
        var length = (int)Math.Min(_sectorSize, _bytes.Length - offset);
        if (length == _sectorSize)
        {
            return _bytes.AsSpan((int)offset, _sectorSize);
        }

        var padded = new byte[_sectorSize];
        _bytes.AsSpan((int)offset, length).CopyTo(padded);
        return padded;
    }

    private ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(offset));

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(offset));

    private TradeDataException Error(string where, string problem) => SpreadsheetErrors.At(_fileName, "compound file " + where, problem);

    private sealed record DirectoryEntry(string Name, byte Type, uint Start, ulong Size);
}
