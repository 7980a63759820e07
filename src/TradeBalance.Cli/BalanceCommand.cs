using System.CommandLine;
using System.Globalization;
using NodaTime;
using Spectre.Console;
using TradeBalance.Data;

namespace TradeBalance.Cli;

/// <summary><c>tradebalance balance</c>: a country pair's bilateral balance by year, in USD and KES.</summary>
internal static class BalanceCommand
{
    private static readonly string[] Headers = ["Exports\nUSD m", "Imports\nUSD m", "Balance\nUSD m", "Exports /\nimports", "KES per USD", "Balance\nKES bn"];

    public static Command Create(TextWriter stdout)
    {
        var flows = new Option<string?>("--flows") { Description = "Flows file (canonical, UN Comtrade or CEPII BACI; - reads standard input). Default: the embedded Kenya–China data.", HelpName = "FILE" };
        var rates = new Option<string?>("--rates") { Description = "Exchange-rate file for KES figures (- reads standard input). Default: the embedded KES/USD rates.", HelpName = "FILE" };
        var country = new Option<string>("--country") { Description = "The country whose balance it is (ISO code).", DefaultValueFactory = _ => "KEN", HelpName = "CODE" };
        var partner = new Option<string>("--partner") { Description = "The partner (ISO code).", DefaultValueFactory = _ => "CHN", HelpName = "CODE" };
        var onlyYear = OptionValues.WholeNumber("--year", 1900, 2200);
        onlyYear.Description = "Show one year only (1900 to 2200). Default: every year in the data.";
        onlyYear.HelpName = "YEAR";
        var format = ResultOutput.FormatOption();
        var output = ResultOutput.OutputOption();
        var command = new Command("balance", "Print a country pair's bilateral balance by year (exports − imports), in USD and KES.");
        foreach (var o in new Option[] { flows, rates, country, partner, onlyYear, format, output })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var a = ParseCountry(parse.GetValue(country)!, "--country");
            var b = ParseCountry(parse.GetValue(partner)!, "--partner");
            if (a.Equals(b))
            {
                throw new UsageException($"--country and --partner are both {a.Alpha3}.");
            }

            var flowsPath = parse.GetValue(flows);
            var ratesPath = parse.GetValue(rates);
            var outputPath = parse.GetValue(output);
            ResultOutput.Check(parse.GetValue(format)!, outputPath, stdout);
            OutputPaths.Check([("--output", outputPath)], [("--flows", flowsPath), ("--rates", ratesPath)]);
            Inputs.CheckStandardInput(("--flows", flowsPath), ("--rates", ratesPath));
            var data = flowsPath is null ? KenyaChina.Flows : Inputs.Read(flowsPath, "--flows", (s, name) => TradeFile.ReadFlows(s, name).Value);
            var table = ratesPath is null ? KenyaChina.ExchangeRates : Inputs.Read(ratesPath, "--rates", (s, name) => ExchangeRatesCsv.Read(s, name).Value);

            // A pair with no trade in the data is an answer of zeros that means nothing: say so instead.
            var years = data.Years.Where(y => parse.GetValue(onlyYear) is not { } only || y == only).ToList();
            var traded = years.Where(y => data.BilateralBalance(a, b, y) is { } s && (s.Exports.Amount != 0m || s.Imports.Amount != 0m)).ToList();
            if (traded.Count == 0)
            {
                var which = parse.GetValue(onlyYear) is { } y ? $"in {y}" : $"in any year ({string.Join(", ", data.Years)})";
                throw new TradeDataException($"The data has no trade between {a.Alpha3} and {b.Alpha3} {which}: no balance to show. Check --country, --partner and --flows.");
            }

            var rows = years.Select(year => (Year: year, Balance: data.BilateralBalance(a, b, year), Rate: table.TryFind(data.Currency, Currency.Kes, new LocalDate(year, 1, 1), ExchangeRateRule.AnnualAverage, out var rate) ? rate.Rate.Rate : (decimal?)null)).ToList();
            var result = Tabulate(a, b, rows);
            ResultOutput.Write(stdout, parse.GetValue(format)!, outputPath, () => result, w => ResultJson.Balance(w, a, b, result), () => Render(stdout, a, b, rows));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(TextWriter stdout, Country a, Country b, IReadOnlyList<(int Year, BilateralBalance Balance, decimal? Rate)> rows)
    {
        var ci = CultureInfo.InvariantCulture;
        var console = CliApp.Console(stdout);
        var t = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Terminal.Markup($"{a.Name} – {b.Name}: bilateral balance (exports − imports)")) };
        t.AddColumn("Year");
        foreach (var h in Headers)
        {
            t.AddColumn(new TableColumn(h).RightAligned());
        }

        foreach (var (year, balance, kesPerUsd) in rows)
        {
            var kes = kesPerUsd is { } r
                ? (r.ToString(ci), (balance.Balance.Amount * r / 1e9m).ToString("#,##0.00", ci))
                : ("—", "—");
            t.AddRow(
                year.ToString(ci),
                ProjectionReport.Millions(balance.Exports),
                ProjectionReport.Millions(balance.Imports),
                ProjectionReport.Millions(balance.Balance),
                balance.ExportImportRatio is { } ratio ? (ratio * 100).ToString("0.00", ci) + "%" : "n/a",
                kes.Item1,
                kes.Item2);
        }

        console.Write(t);
    }

    /// <summary>The <c>balance</c> table: a row per year, USD and KES; a ratio with no imports, or KES with no rate, is null.</summary>
    private static OutputTable Tabulate(Country a, Country b, IReadOnlyList<(int Year, BilateralBalance Balance, decimal? Rate)> rows) => new(
        "balance",
        [
            OutputColumn.WholeNumber("year", "calendar year", "The year of the flows.", rows.Select(r => (int?)r.Year)),
            OutputColumn.Text("country", "ISO 3166-1 alpha-3", "The country whose balance it is (--country).", rows.Select(_ => a.Alpha3)),
            OutputColumn.Text("partner", "ISO 3166-1 alpha-3", "The partner (--partner).", rows.Select(_ => b.Alpha3)),
            OutputColumn.ExactNumber("exports_usd", "USD", "The country's exports to the partner.", rows.Select(r => (decimal?)r.Balance.Exports.Amount)),
            OutputColumn.ExactNumber("imports_usd", "USD", "The country's imports from the partner.", rows.Select(r => (decimal?)r.Balance.Imports.Amount)),
            OutputColumn.ExactNumber("balance_usd", "USD", "Exports − imports.", rows.Select(r => (decimal?)r.Balance.Balance.Amount)),
            OutputColumn.FloatingPoint("exports_to_imports", "ratio", "Exports ÷ imports; null when there are no imports (the table prints n/a).", rows.Select(r => r.Balance.ExportImportRatio is { } ratio ? Finite(ratio) : null)),
            OutputColumn.ExactNumber("kes_per_usd", "KES per USD", "The year's annual average rate; null when the rate table has none.", rows.Select(r => r.Rate)),
            OutputColumn.ExactNumber("exports_kes", "KES", "Exports at that rate; null without a rate.", rows.Select(r => r.Balance.Exports.Amount * r.Rate)),
            OutputColumn.ExactNumber("imports_kes", "KES", "Imports at that rate; null without a rate.", rows.Select(r => r.Balance.Imports.Amount * r.Rate)),
            OutputColumn.ExactNumber("balance_kes", "KES", "The balance at that rate; null without a rate.", rows.Select(r => r.Balance.Balance.Amount * r.Rate)),
        ]);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static Country ParseCountry(string code, string option) =>
        Country.TryParse(code, out var c) ? c : throw new UsageException($"{option}: '{code}' is not a known ISO 3166-1 country code.");
}
