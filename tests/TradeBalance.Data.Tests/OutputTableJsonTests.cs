using System.Text.Json;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>The JSON form of a result table: its columns' documentation and one object per row, nulls as null.</summary>
public class OutputTableJsonTests
{
    [Fact]
    public void Columns_and_rows_carry_every_type_and_null()
    {
        var table = new OutputTable("t",
        [
            OutputColumn.Text("code", "text", "a code", ["0902", null]),
            OutputColumn.WholeNumber("year", "calendar year", "a year", [2024, null]),
            OutputColumn.ExactNumber("usd", "USD", "money", [12.50m, null]),
            OutputColumn.FloatingPoint("share", "fraction", "a share", [0.1, null]),
        ]);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            OutputTableJson.WriteColumns(w, table);
            OutputTableJson.WriteRows(w, table);
            w.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(buffer.ToArray());
        var columns = doc.RootElement.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("type").GetString())).ToList();
        Assert.Equal([("code", "string"), ("year", "integer"), ("usd", "number"), ("share", "number")], columns);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("0902", rows[0].GetProperty("code").GetString());
        Assert.Equal(2024, rows[0].GetProperty("year").GetInt32());
        Assert.Equal(12.50m, rows[0].GetProperty("usd").GetDecimal());
        Assert.Equal(0.1, rows[0].GetProperty("share").GetDouble());
        Assert.All(rows[1].EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
    }
}
