using System.Text;
using TradeBalance.Data.Internal;
using Xunit;

namespace TradeBalance.Data.Tests.Hostile;

public sealed class Crc32Tests
{
    [Fact]
    public void The_check_value_of_the_standard_is_reproduced() =>
        Assert.Equal(0xCBF43926u, Crc32.Append(0, Encoding.ASCII.GetBytes("123456789")));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 7)]
    [InlineData(1000, 1)]
    [InlineData(5, 70_000)]
    public void The_crc_of_a_suffix_follows_from_the_whole_and_the_prefix(int prefixLength, int suffixLength)
    {
        var bytes = new byte[prefixLength + suffixLength];
        new Random(prefixLength * 31 + suffixLength).NextBytes(bytes);
        var whole = Crc32.Append(0, bytes);
        var prefix = Crc32.Append(0, bytes.AsSpan(0, prefixLength));
        Assert.Equal(Crc32.Append(0, bytes.AsSpan(prefixLength)), Crc32.Suffix(whole, prefix, suffixLength));
    }

    [Fact]
    public void Appending_in_pieces_gives_the_crc_of_the_whole()
    {
        var bytes = new byte[1000];
        new Random(7).NextBytes(bytes);
        var crc = 0u;
        for (var i = 0; i < bytes.Length; i += 13)
        {
            crc = Crc32.Append(crc, bytes.AsSpan(i, Math.Min(13, bytes.Length - i)));
        }

        Assert.Equal(Crc32.Append(0, bytes), crc);
    }
}
