using System.Text;
using TradeBalance.Data.Tests.Fuzz;
using Xunit;

namespace TradeBalance.Data.Tests.Hostile;

/// <summary>
/// Class: wrong places in messages. Bytes that are not UTF-8, put on any line of any CSV reader's input (the header,
/// early, past the first 64 KB that decoding reads ahead), are reported on that line, whichever invalid sequence it is.
/// The canonical files are strict UTF-8 and must refuse them; the third-party layouts (Comtrade, BACI, WITS) decode
/// leniently by default (U+FFFD), so they may accept a byte in a column they do not use, but when they refuse, it is
/// on that line.
/// </summary>
public sealed class EncodingErrorLineTests
{
    private static readonly string[] CsvReaders = ["flows", "tariffs", "rates", "comtrade", "baci", "baci-columns", "baci-codes", "wits", "totals", "projection"];

    private static readonly string[] Strict = ["flows", "rates", "totals", "projection"];

    /// <summary>A lone continuation byte, a truncated pair, an overlong NUL, an encoded surrogate, a byte over F4, a lone lead byte at the end of a line.</summary>
    private static readonly byte[][] Invalid = [[0x80], [0xC3, 0x28], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82]];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var reader in CsvReaders)
        {
            foreach (var line in new[] { 1, 2, 5, 1_501, 40_000 })
            {
                data.Add(reader, line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_invalid_byte_is_reported_on_its_line(string reader, int line)
    {
        var target = FuzzTargets.Get(reader);
        var seed = Encoding.UTF8.GetString(target.Seeds[^1]).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        foreach (var bad in Invalid)
        {
            var content = WithInvalidBytes(seed, line, bad);
            try
            {
                target.Read(content, target.FileName);
                Assert.False(Strict.Contains(reader), $"{reader}: {Convert.ToHexString(bad)} on line {line} was accepted");
            }
            catch (TradeDataException e)
            {
                Assert.True(e.Line == line, $"{reader}: {Convert.ToHexString(bad)} on line {line} was reported on line {e.Line}: {e.Message}");
            }
        }
    }

    /// <summary>The seed's lines, then blank lines (which every reader skips) up to <paramref name="line"/>, which starts with the bytes.</summary>
    private static byte[] WithInvalidBytes(string[] seed, int line, byte[] bad)
    {
        var lines = new List<string>(seed);
        while (lines.Count < line)
        {
            lines.Add(string.Empty);
        }

        var before = Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(line - 1)) + (line > 1 ? "\n" : string.Empty));
        var rest = Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(line - 1)) + "\n");
        return [.. before, .. bad, .. rest];
    }
}
