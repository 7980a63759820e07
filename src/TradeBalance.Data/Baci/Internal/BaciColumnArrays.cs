namespace TradeBalance.Data.Internal.Baci;

/// <summary>The column arrays being filled by a parser (uninitialised: every slot up to the row count is written).</summary>
internal sealed class BaciColumnArrays(int capacity)
{
    public readonly short[] Years = GC.AllocateUninitializedArray<short>(capacity);
    public readonly short[] Exporters = GC.AllocateUninitializedArray<short>(capacity);
    public readonly short[] Importers = GC.AllocateUninitializedArray<short>(capacity);
    public readonly int[] Products = GC.AllocateUninitializedArray<int>(capacity);
    public readonly double[] Values = GC.AllocateUninitializedArray<double>(capacity);
    public readonly double[] Quantities = GC.AllocateUninitializedArray<double>(capacity);

    /// <summary>Per row, the value's scale in the low 4 bits and the quantity's in the high 4 (see <see cref="BaciDecimals.ScaleOf"/>).</summary>
    public readonly byte[] Scales = GC.AllocateUninitializedArray<byte>(capacity);

    public void Set(int row, int year, int exporter, int importer, int product, double value, double quantity, byte scales)
    {
        Years[row] = (short)year;
        Exporters[row] = (short)exporter;
        Importers[row] = (short)importer;
        Products[row] = product;
        Values[row] = value;
        Quantities[row] = quantity;
        Scales[row] = scales;
    }

    /// <summary>Moves a part's rows down over the rows it skipped before it.</summary>
    public void Move(int from, int to, int count)
    {
        Array.Copy(Years, from, Years, to, count);
        Array.Copy(Exporters, from, Exporters, to, count);
        Array.Copy(Importers, from, Importers, to, count);
        Array.Copy(Products, from, Products, to, count);
        Array.Copy(Values, from, Values, to, count);
        Array.Copy(Quantities, from, Quantities, to, count);
        Array.Copy(Scales, from, Scales, to, count);
    }

    public BaciColumns Build(int count, string fileName, long firstDataLine, int[] gapRows, long[] gapOffsets) =>
        new(Years, Exporters, Importers, Products, Values, Quantities, Scales, count, fileName, firstDataLine, gapRows, gapOffsets);
}
