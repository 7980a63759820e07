namespace TradeBalance.Data.Internal.Spreadsheets.Xls;

/// <summary>The RK form of a number ([MS-XLS] 2.5.218): 30 bits of an integer or of a double's high half, maybe divided by 100.</summary>
internal static class RkNumber
{
    /// <summary>Decodes an RK value.</summary>
    public static double Decode(uint rk)
    {
        var divideBy100 = (rk & 0x01) != 0;
        var isInteger = (rk & 0x02) != 0;
        var value = isInteger
            ? (int)rk >> 2
            : BitConverter.Int64BitsToDouble((long)((ulong)(rk & 0xFFFFFFFC) << 32));
        return divideBy100 ? value / 100 : value;
    }
}
