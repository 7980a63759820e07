using Xunit;

namespace TradeBalance.Data.Tests;

public class TradeDataExceptionTests
{
    [Fact]
    public void Message_is_file_line_column_value_problem()
    {
        var e = new TradeDataException("flows.csv", 17, "value_usd", "-5", "is negative");
        Assert.Equal("flows.csv:17: column 'value_usd': '-5' is negative", e.Message);
        Assert.Equal(("flows.csv", 17L, "value_usd", "-5", "is negative"), (e.FileName, e.Line, e.Column, e.Value, e.Problem));
    }

    [Fact]
    public void Json_paths_and_missing_parts_read_naturally()
    {
        Assert.Equal("s.json:3: $.hs[0]: '902' is bad", new TradeDataException("s.json", 3, "$.hs[0]", "902", "is bad").Message);
        Assert.Equal("f.csv:2: has 3 fields", new TradeDataException("f.csv", 2, null, null, "has 3 fields").Message);
    }

    [Fact]
    public void Standard_constructors_exist()
    {
        Assert.NotEmpty(new TradeDataException().Message);
        Assert.Equal("m", new TradeDataException("m").Message);
        var inner = new FormatException();
        Assert.Same(inner, new TradeDataException("m", inner).InnerException);
    }
}
