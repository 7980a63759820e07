using System.Buffers.Binary;

namespace TradeBalance.Data.Internal;

/// <summary>
/// CRC-32 as gzip uses it (ISO-HDLC: reflected polynomial 0xEDB88320, initial and final value all ones),
/// computed eight bytes at a time, plus the combination rule that gives the CRC of a suffix from the CRC of
/// the whole and of the prefix.
/// </summary>
/// <remarks>The combination follows the GF(2) polynomial arithmetic zlib's <c>crc32_combine</c> uses.</remarks>
internal static class Crc32
{
    private const uint Polynomial = 0xEDB88320u;

    // Tables[k][b]: the CRC register after byte b followed by k zero bytes (slicing by eight).
    private static readonly uint[][] Tables = BuildTables();

    // PowersOfX[n] = x^(2^n) modulo the polynomial, for shifting a CRC over a run of zero bits.
    private static readonly uint[] PowersOfX = BuildPowers();

    /// <summary>Returns the CRC-32 of the bytes that gave <paramref name="crc"/> followed by <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var c = ~crc;
        var t0 = Tables[0];
        var t1 = Tables[1];
        var t2 = Tables[2];
        var t3 = Tables[3];
        var t4 = Tables[4];
        var t5 = Tables[5];
        var t6 = Tables[6];
        var t7 = Tables[7];
        while (data.Length >= 8)
        {
            var lo = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ c;
            var hi = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            c = t7[lo & 0xFF] ^ t6[(lo >> 8) & 0xFF] ^ t5[(lo >> 16) & 0xFF] ^ t4[lo >> 24]
                ^ t3[hi & 0xFF] ^ t2[(hi >> 8) & 0xFF] ^ t1[(hi >> 16) & 0xFF] ^ t0[hi >> 24];
            data = data[8..];
        }

        foreach (var b in data)
        {
            c = t0[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    /// <summary>
    /// Returns the CRC-32 of B, given the CRC-32 of A followed by B (<paramref name="whole"/>), the CRC-32 of A
    /// (<paramref name="prefix"/>) and B's length in bytes.
    /// </summary>
    public static uint Suffix(uint whole, uint prefix, long suffixLength) =>
        whole ^ Multiply(XPower8N(suffixLength), prefix);

    // a * b modulo the polynomial (bit-reflected, as the CRC register is).
    private static uint Multiply(uint a, uint b)
    {
        var m = 1u << 31;
        var p = 0u;
        while (true)
        {
            if ((a & m) != 0)
            {
                p ^= b;
                if ((a & (m - 1)) == 0)
                {
                    return p;
                }
            }

            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }
    }

    // x^(8n) modulo the polynomial: the shift over n zero bytes.
    private static uint XPower8N(long n)
    {
        var p = 1u << 31; // x^0
        var k = 3; // 8n = n * 2^3
        while (n != 0)
        {
            if ((n & 1) != 0)
            {
                p = Multiply(PowersOfX[k & 31], p);
            }

            n >>= 1;
            k++;
        }

        return p;
    }

    private static uint[][] BuildTables()
    {
        var tables = new uint[8][];
        for (var k = 0; k < 8; k++)
        {
            tables[k] = new uint[256];
        }

        for (var b = 0u; b < 256; b++)
        {
            var c = b;
            for (var i = 0; i < 8; i++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }

            tables[0][b] = c;
        }

        for (var b = 0; b < 256; b++)
        {
            for (var k = 1; k < 8; k++)
            {
                var previous = tables[k - 1][b];
                tables[k][b] = tables[0][previous & 0xFF] ^ (previous >> 8);
            }
        }

        return tables;
    }

    private static uint[] BuildPowers()
    {
        var powers = new uint[32];
        var p = 1u << 30; // x^1
        powers[0] = p;
        for (var n = 1; n < 32; n++)
        {
            powers[n] = p = Multiply(p, p);
        }

        return powers;
    }
}
