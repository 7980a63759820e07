using System.Globalization;
using System.Text;
using TradeBalance.Projections;

namespace TradeBalance.Data.Tests.Reliability;

/// <summary>The inputs and serialisations the determinism and thread-safety tests share.</summary>
internal static class ReliabilityInputs
{
    /// <summary>The embedded Kenya–China files, read afresh (so culture effects on parsing would show).</summary>
    public static (Scenario Scenario, TradeDataSet Flows, TariffSchedule Tariffs, IReadOnlyList<TariffSchedule> All) Read()
    {
        var scenario = ScenarioJson.Parse(KenyaChina.ReadText("scenario.json"));
        var flows = FlowsCsv.Read(new StringReader(KenyaChina.ReadText("flows.csv")), "flows.csv").Value;
        var all = TariffsCsv.ReadAll(new StringReader(KenyaChina.ReadText("tariffs.csv")), "tariffs.csv").Value;
        return (scenario, flows, all[scenario.Importer], [.. all.Values]);
    }

    /// <summary>A projection as the CSV and JSON bytes the library writes.</summary>
    public static byte[] Bytes(ProjectionResult result, TariffSchedule tariffs)
    {
        var csv = new StringWriter { NewLine = "\n" };
        ProjectionCsv.Write(result, csv);
        return Encoding.UTF8.GetBytes(csv + "\u0000" + ProjectionJson.ToJson(result, tariffs));
    }

    /// <summary>Every band of a Monte Carlo result, doubles as their exact bits and money as invariant text.</summary>
    public static byte[] Bytes(MonteCarloResult result)
    {
        var sb = new StringBuilder();
        void D(double v) => sb.Append(BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture)).Append(',');
        void M(Money m) => sb.Append(m.Amount.ToString(CultureInfo.InvariantCulture)).Append(',');
        foreach (var r in result.Rows)
        {
            sb.Append(r.Importer.Alpha3).Append(r.Exporter.Alpha3).Append(r.Hs).Append(':');
            M(r.Projected.P5);
            M(r.Projected.P50);
            M(r.Projected.P95);
            D(r.ProjectedShare.P5);
            D(r.ProjectedShare.P50);
            D(r.ProjectedShare.P95);
            sb.Append('\n');
        }

        foreach (var m in result.Markets)
        {
            M(m.ProjectedTotal.P5);
            M(m.ProjectedTotal.P95);
            M(m.RevenueAfter.P50);
            M(m.Welfare.P50);
        }

        foreach (var e in result.Exports)
        {
            M(e.Projected.P5);
            M(e.Projected.P95);
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
