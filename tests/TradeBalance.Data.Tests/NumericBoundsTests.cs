using System.Text;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// Issue 15, class 7 (numeric domain), file side: a generator puts every numeric field of every
/// reader at its bound and just past it. At the bound the file reads (and, for flows and tariffs,
/// every model projects it keeping its invariants); just past it the reader throws
/// <see cref="TradeDataException"/> with the file, the line and the value as written. A non-zero
/// number that would read as zero (1e-40) is refused too. docs/numeric-domain.md states the bounds.
/// </summary>
public class NumericBoundsTests
{
    private const string Flows = "year,exporter,importer,hs,value_usd,quantity_kg\n2024,LKA,CHN,0902,68000000,\n";
    private const string Tariffs = "importer,exporter,hs,rate_percent,valid_from,valid_to\n";
    private const string Rates = "base,quote,as_of,rate,basis\n";
    private const string Comtrade = "classificationCode,reporterCode,flowCode,partnerCode,cmdCode,refYear,primaryValue,netWgt\n";
    private const string Baci = "t,i,j,k,v,q\n";
    private const string Wits = "Reporter,Partner,Product,Tariff Year,DutyType,Simple Average\n";
    private const string Projection = "importer,exporter,hs,baseline_usd,tariff_before_percent,tariff_after_percent,trade_creation_usd,trade_diversion_usd,projected_usd,baseline_share,projected_share\n";
    private const string Scenario = "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"effective\":\"2026-05-01\",\n";

    /// <summary>A numeric field: the reader, how to write a file with the field's text on line <see cref="Line"/>, its values at the bounds and just past them.</summary>
    public sealed record Field(string Reader, string Name, Func<string, string> File, int Line, string[] AtBound, string[] PastBound);

    /// <summary>The generator: every numeric column of every reader, and the scenario's numbers.</summary>
    public static IEnumerable<Field> Fields()
    {
        string[] valueAt = ["1000000000000000", "1e15", "0.000001", "0", "1E-6"];
        string[] valuePast = ["1000000000000000.01", "1e24", "0.00000099", "1e-40", "0.00000000000000000000000000000001"];
        yield return new("flows", "value_usd", v => Flows + $"2024,KEN,CHN,0902,{v},\n", 3, valueAt, valuePast);
        yield return new("flows", "quantity_kg", v => Flows + $"2024,KEN,CHN,0902,1,{v}\n", 3, valueAt, valuePast);
        yield return new("comtrade", "primaryValue", v => Comtrade + $"H6,156,M,404,0902,2024,{v},\n", 2, valueAt, valuePast);
        yield return new("comtrade", "netWgt", v => Comtrade + $"H6,156,M,404,0902,2024,1,{v}\n", 2, valueAt, valuePast);

        // BACI: thousands of USD and tonnes, so the bounds are 1E+12 and 1E-09 as written.
        string[] baciAt = ["1000000000000", "0.000000001", "0", "1e12"];
        string[] baciPast = ["1000000000000.001", "0.0000000009", "7.9E+26", "1e-40"];
        yield return new("baci", "v", v => Baci + $"2022,404,156,090240,{v},1\n", 2, baciAt, baciPast);
        yield return new("baci", "q", v => Baci + $"2022,404,156,090240,1,{v}\n", 2, baciAt, baciPast);
        yield return new("baci-columns", "v", v => Baci + $"2022,404,156,090240,{v},1\n", 2, baciAt, baciPast);
        yield return new("baci-columns", "q", v => Baci + $"2022,404,156,090240,1,{v}\n", 2, baciAt, baciPast);

        string[] rateAt = ["10000", "0", "9999.9999"];
        string[] ratePast = ["10000.0001", "7.9e28", "1e-40"];
        yield return new("tariffs", "rate_percent", v => Tariffs + $"CHN,*,0902,{v},,\n", 2, rateAt, ratePast);
        yield return new("wits", "Simple Average", v => Wits + $"CHN,WLD,090240,2023,MFN,{v}\n", 2, rateAt, ratePast);
        yield return new("projection", "tariff_before_percent", v => Projection + $"CHN,KEN,0902,20,{v},0,1,2,23,0.1,0.2\n", 2, rateAt, ratePast);
        yield return new("rates", "rate", v => Rates + $"USD,KES,2024-01-01,{v},daily\n", 2, ["0.000000001", "1000000000", "1e9"], ["0.0000000009", "1000000000.5", "1e-40"]);

        yield return new("scenario", "newRatePercent", v => Scenario + $"\"newRatePercent\":{v}}}", 2, ["10000", "0"], ["10000.5", "7.9e28", "1e-40"]);
        yield return new("scenario", "cutPoints", v => Scenario + $"\"cutPoints\":{v}}}", 2, ["10000", "-10000"], ["10000.5", "-10001"]);
        yield return new("scenario", "importDemand", v => Scenario + $"\"newRatePercent\":0,\"elasticities\":{{\"default\":{{\"importDemand\":{v}}}}}}}", 2, ["-100", "-1.5"], ["-100.5", "-1e6"]);
        yield return new("scenario", "substitution", v => Scenario + $"\"newRatePercent\":0,\"elasticities\":{{\"default\":{{\"substitution\":{v}}}}}}}", 2, ["100", "0.5"], ["100.5", "1e6", "1e-400"]);
        yield return new("scenario", "exportSupply", v => Scenario + $"\"newRatePercent\":0,\"elasticities\":{{\"default\":{{\"exportSupply\":{v}}}}}}}", 2, ["0.01", "99"], ["0.0099", "1e-9"]);
        yield return new("scenario", "byHs substitution", v => Scenario + $"\"newRatePercent\":0,\"elasticities\":{{\"byHs\":{{\"0902\":{{\"substitution\":{v}}}}}}}}}", 2, ["100"], ["100.5"]);
        yield return new("scenario", "byHs importDemand", v => Scenario + $"\"newRatePercent\":0,\"elasticities\":{{\"byHs\":{{\"0902\":{{\"importDemand\":{v}}}}}}}}}", 2, ["-100"], ["-100.5"]);
    }

    public static TheoryData<string, string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var f in Fields())
        {
            foreach (var v in f.AtBound)
            {
                data.Add(f.Reader, f.Name, v, true);
            }

            foreach (var v in f.PastBound)
            {
                data.Add(f.Reader, f.Name, v, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_number_at_its_bound_reads_and_one_past_it_is_refused_with_file_line_and_value(string reader, string field, string value, bool accepted)
    {
        var f = Fields().Single(x => x.Reader == reader && x.Name == field);
        var text = f.File(value);
        var file = reader == "scenario" ? "scenario.json" : reader + ".csv";
        if (accepted)
        {
            Read(reader, text, file);
            return;
        }

        var e = Assert.Throws<TradeDataException>(() => Read(reader, text, file));
        Assert.Equal(file, e.FileName);
        Assert.Equal(f.Line, e.Line);
        Assert.StartsWith($"{file}:{f.Line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_covers_every_reader()
    {
        Assert.Equal(
            ["baci", "baci-columns", "comtrade", "flows", "projection", "rates", "scenario", "tariffs", "wits"],
            Fields().Select(f => f.Reader).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>At the bounds, read from files, every model keeps its invariants: diversion sums to zero and shares to one.</summary>
    [Theory]
    [InlineData("1000000000000000", "15")]
    [InlineData("0.000001", "15")]
    [InlineData("20000000", "10000")]
    [InlineData("1000000000000000", "10000")]
    public void Read_at_the_bounds_every_model_keeps_its_invariants(string kenyaValue, string mfn)
    {
        var flows = FlowsCsv.Read(new StringReader(Flows + $"2024,KEN,CHN,0902,{kenyaValue},\n2024,IND,CHN,0902,22000000,\n"), "flows.csv").Value;
        var schedule = TariffsCsv.Read(new StringReader(Tariffs + $"CHN,*,0902,{mfn},,\n"), "tariffs.csv").Value;
        var scenario = ScenarioJson.Parse(Scenario + "\"newRatePercent\":0,\"referenceYear\":2024}");
        foreach (var result in new[]
        {
            ProjectionModel.Smart.Project(new ProjectionInputs(scenario, flows, schedule)),
            ProjectionModel.Armington.Project(new ProjectionInputs(scenario, flows, schedule)),
            ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, flows, [schedule])).Projection,
            ProjectionModel.Smart.MonteCarlo(new ProjectionInputs(scenario, flows, schedule), new MonteCarloSettings(16, 1, 0.5), cancellationToken: TestContext.Current.CancellationToken).Point,
        })
        {
            foreach (var m in result.Markets)
            {
                var total = (double)m.BaselineTotal.Amount;
                Assert.True(Math.Abs(m.Rows.Sum(r => r.ProjectedShare) - 1d) <= 1e-12, $"{result.Model}: shares");
                Assert.True(m.Rows.All(r => r.Projected.Amount >= 0m), $"{result.Model}: a negative flow");
                if (result.Model.Kind != ProjectionModelKind.Gsim)
                {
                    var diversion = m.Rows.Sum(r => r.TradeDiversion!.Value.Amount);
                    Assert.True((double)Math.Abs(diversion) <= 1e-12 * total, $"{result.Model}: diversion sums to {diversion}");
                }
            }
        }
    }

    [Fact]
    public void A_byHs_override_outside_the_scenarios_lines_is_refused_at_its_key()
    {
        var json = Scenario + "\"newRatePercent\":0,\"elasticities\":{\"byHs\":{\n\"0902\":{\"substitution\":1.83},\n\"851712\":{\"substitution\":2}}}}";
        var e = Assert.Throws<TradeDataException>(() => ScenarioJson.Parse(json));
        Assert.Equal(4, e.Line);
        Assert.Contains("scenario.json:4: $.elasticities.byHs.851712: '851712' is outside the scenario's lines (0902)", e.Message, StringComparison.Ordinal);

        // Above a line (its chapter) and under one (a subheading) concern the scenario and are kept.
        var ok = ScenarioJson.Parse(Scenario + "\"newRatePercent\":0,\"elasticities\":{\"byHs\":{\"09\":{\"substitution\":2},\"090240\":{\"substitution\":3}}}}");
        Assert.Equal(2, ok.Elasticities.Overrides.Count);
    }

    private static void Read(string reader, string text, string file)
    {
        var input = new StringReader(text);
        _ = reader switch
        {
            "flows" => (object)FlowsCsv.Read(input, file),
            "tariffs" => TariffsCsv.Read(input, file),
            "rates" => ExchangeRatesCsv.Read(input, file),
            "comtrade" => ComtradeReader.Read(input, file),
            "baci" => BaciReader.Read(input, file),
            "baci-columns" => BaciReader.ReadColumns(new MemoryStream(Encoding.UTF8.GetBytes(text)), file).Value.ToTradeDataSet(),
            "wits" => WitsTariffReader.Read(input, file),
            "projection" => ProjectionCsv.Read(input, file),
            "scenario" => ScenarioJson.Parse(text, file),
            _ => throw new ArgumentOutOfRangeException(nameof(reader)),
        };
    }
}
