using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>Equality of read results down to the decimal's digits: <c>1000.0</c> and <c>1000</c> are equal amounts but print differently.</summary>
internal static class SameFlows
{
    /// <summary>The same flows in the same order, each value and quantity the same decimal bit for bit (digits, scale, sign).</summary>
    public static void AssertIdentical(TradeDataSet expected, TradeDataSet actual)
    {
        Assert.Equal(expected.Flows, actual.Flows);
        for (var i = 0; i < expected.Flows.Length; i++)
        {
            TradeFlow e = expected.Flows[i], a = actual.Flows[i];
            Assert.Equal(decimal.GetBits(e.Value.Amount), decimal.GetBits(a.Value.Amount));
            Assert.Equal(e.QuantityKg is { } q ? decimal.GetBits(q) : null, a.QuantityKg is { } r ? decimal.GetBits(r) : null);
        }
    }

    /// <summary>The same report: counts, rules, units and text.</summary>
    public static void AssertSameReport(ReadReport expected, ReadReport actual)
    {
        Assert.Equal(expected.FileName, actual.FileName);
        Assert.Equal(expected.Format, actual.Format);
        Assert.Equal(expected.RowsRead, actual.RowsRead);
        Assert.Equal(expected.RowsKept, actual.RowsKept);
        Assert.Equal(expected.Skipped, actual.Skipped);
        Assert.Equal(expected.Adjustments, actual.Adjustments);
        Assert.Equal(expected.Units, actual.Units);
        Assert.Equal(expected.ToString(), actual.ToString());
    }
}
