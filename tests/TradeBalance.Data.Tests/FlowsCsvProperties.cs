using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Data.Tests;

[Properties(Arbitrary = [typeof(DataArbitraries)], MaxTest = 200)]
public class FlowsCsvProperties
{
    [Property]
    public void Write_then_read_gives_equal_flows(TradeDataSet data)
    {
        var text = new StringWriter();
        FlowsCsv.Write(data, text);
        var (back, report) = FlowsCsv.Read(new StringReader(text.ToString()), "flows.csv");
        Assert.Equal(data.Flows, back.Flows);
        Assert.Equal(data.Flows.Length, report.RowsKept);
        Assert.Equal(0, report.RowsSkipped);
    }

    [Property]
    public void Writing_is_deterministic_and_a_second_round_trip_is_byte_identical(TradeDataSet data)
    {
        var first = new StringWriter();
        FlowsCsv.Write(data, first);
        var second = new StringWriter();
        FlowsCsv.Write(FlowsCsv.Read(new StringReader(first.ToString()), "flows.csv").Value, second);
        Assert.Equal(first.ToString(), second.ToString());
    }
}
