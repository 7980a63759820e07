namespace TradeBalance.Data.Internal.Spreadsheets.Xls;

/// <summary>The BIFF8 record types the reader acts on ([MS-XLS] 2.3); every other record is skipped by its length.</summary>
internal static class BiffRecordType
{
    /// <summary>Formula with its cached value.</summary>
    public const ushort Formula = 0x0006;

    /// <summary>End of a substream.</summary>
    public const ushort Eof = 0x000A;

    /// <summary>The workbook is encrypted.</summary>
    public const ushort FilePass = 0x002F;

    /// <summary>More data for the record before it.</summary>
    public const ushort Continue = 0x003C;

    /// <summary>Sheet name, type and the offset of its substream.</summary>
    public const ushort BoundSheet8 = 0x0085;

    /// <summary>Several RK numbers in one row.</summary>
    public const ushort MulRk = 0x00BD;

    /// <summary>Several blank cells in one row.</summary>
    public const ushort MulBlank = 0x00BE;

    /// <summary>Rich string cell (an old form of LABEL).</summary>
    public const ushort RString = 0x00D6;

    /// <summary>The shared string table.</summary>
    public const ushort Sst = 0x00FC;

    /// <summary>A cell holding a shared string.</summary>
    public const ushort LabelSst = 0x00FD;

    /// <summary>A blank (formatted, empty) cell.</summary>
    public const ushort Blank = 0x0201;

    /// <summary>A number cell.</summary>
    public const ushort Number = 0x0203;

    /// <summary>A cell holding its own string.</summary>
    public const ushort Label = 0x0204;

    /// <summary>A boolean or error cell.</summary>
    public const ushort BoolErr = 0x0205;

    /// <summary>The string a formula gave, after its FORMULA record.</summary>
    public const ushort String = 0x0207;

    /// <summary>A number in the compressed RK form.</summary>
    public const ushort Rk = 0x027E;

    /// <summary>Beginning of a substream.</summary>
    public const ushort Bof = 0x0809;
}
