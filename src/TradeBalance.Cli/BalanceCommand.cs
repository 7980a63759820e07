using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradeBalance.Data;

namespace TradeBalance.Cli;

/// <summary><c>tradebalance balance</c>: a country pair's bilateral balance by year, in USD and the country's currency (or <c>--currency</c>).</summary>
internal static class BalanceCommand
{
    public static Command Create(TextWriter stdout)
    {
        var flows = new Option<string?>("--flows") { Description = "Flows file (canonical, UN Comtrade or CEPII BACI; - reads standard input), or a folder made by 'baci convert' (with --year, only that year is read). Default: the embedded Kenya–China data.", HelpName = "FILE" };
        var rates = new Option<string?>("--rates") { Description = "Exchange-rate file for the local-currency figures (- reads standard input). Default: the embedded annual averages (KES and the other embedded countries' currencies per USD).", HelpName = "FILE" };
        var currency = LocalCurrency.CreateOption("the currency of --country in the last year shown (KES for Kenya)");
        var country = new Option<string>("--country") { Description = "The country whose balance it is (ISO code).", DefaultValueFactory = _ => "KEN", HelpName = "CODE" };
        var partner = new Option<string>("--partner") { Description = "The partner (ISO code).", DefaultValueFactory = _ => "CHN", HelpName = "CODE" };
        var onlyYear = OptionValues.WholeNumber("--year", 1900, 2200);
        onlyYear.Description = "Show one year only (1900 to 2200). Default: every year in the data.";
        onlyYear.HelpName = "YEAR";
        var format = ResultOutput.FormatOption();
        var rawText = ResultOutput.RawTextOption();
        var output = ResultOutput.OutputOption();
        var command = new Command("balance", "Print a country pair's bilateral balance by year (exports − imports), in USD and the country's currency.");
        var groups = GroupInputs.GroupsOption();
        foreach (var o in new Option[] { flows, rates, currency, country, partner, groups, onlyYear, format, rawText, output })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            Inputs.CheckStandardInput(("--flows", parse.GetValue(flows)), ("--rates", parse.GetValue(rates)), ("--groups", parse.GetValue(groups)));
            GroupInputs.Register(parse.GetValue(groups));
            var a = ParseCountry(parse.GetValue(country)!, "--country");
            var b = ParseCountry(parse.GetValue(partner)!, "--partner");
            if (a.Equals(b))
            {
                throw new UsageException($"--country and --partner are both {a.Alpha3}.");
            }

            var chosen = LocalCurrency.Parse(parse.GetValue(currency));
            var flowsPath = parse.GetValue(flows);
            var ratesPath = parse.GetValue(rates);
            var outputPath = parse.GetValue(output);
            var request = ResultOutput.Request(parse.GetValue(format)!, outputPath, stdout, parse.GetValue(rawText));
            OutputPaths.Check([("--output", outputPath)], [("--flows", flowsPath), ("--rates", ratesPath), ("--groups", parse.GetValue(groups))]);
            Inputs.CheckStandardInput(("--flows", flowsPath), ("--rates", ratesPath));
            var data = flowsPath is null ? KenyaChina.Flows : Inputs.ReadFlows(flowsPath, "--flows", _ => parse.GetValue(onlyYear) is { } only ? [only] : null).Value;
            var table = ratesPath is null ? KenyaChina.ExchangeRates : Inputs.Read(ratesPath, "--rates", (s, name) => ExchangeRatesCsv.Read(s, name).Value);

            // A pair with no trade in the data is an answer of zeros that means nothing: say so instead.
            var years = data.Years.Where(y => parse.GetValue(onlyYear) is not { } only || y == only).ToList();
            var traded = years.Where(y => data.BilateralBalance(a, b, y) is { } s && (s.Exports.Amount != 0m || s.Imports.Amount != 0m)).ToList();
            if (traded.Count == 0)
            {
                var which = parse.GetValue(onlyYear) is { } y ? $"in {y}" : $"in any year ({string.Join(", ", data.Years)})";
                throw new TradeDataException($"The data has no trade between {a.Alpha3} and {b.Alpha3} {which}: no balance to show. Check --country, --partner and --flows.");
            }

            // One local currency for every year: --currency, else the country's in the last year shown.
            var local = LocalCurrency.Resolve(chosen, a, years[^1]);
            var ratesName = ratesPath is null ? LocalCurrency.EmbeddedRatesName : Inputs.Name(ratesPath);
            var rows = years.Select(year => (Year: year, Balance: data.BilateralBalance(a, b, year), Local: LocalCurrency.Find(local, a, data.Currency, year, table, ratesName))).ToList();
            var result = Tabulate(a, b, local, rows);
            ResultOutput.Write(stdout, request, () => result, w => ResultJson.Balance(w, a, b, local, result), () => Render(stdout, a, b, local, rows));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(TextWriter stdout, Country a, Country b, Currency? local, IReadOnlyList<(int Year, BilateralBalance Balance, LocalRate Local)> rows)
    {
        var code = local?.Code ?? "local";
        var ci = CultureInfo.InvariantCulture;
        var console = CliApp.Console(stdout);
        var t = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Terminal.Markup($"{a.Name} – {b.Name}: bilateral balance (exports − imports)")) };
        t.AddColumn("Year");
        foreach (var h in (string[])["Exports\nUSD m", "Imports\nUSD m", "Balance\nUSD m", "Exports /\nimports", $"{code} per USD", $"Balance\n{code} bn"])
        {
            t.AddColumn(new TableColumn(h).RightAligned());
        }

        foreach (var (year, balance, rate) in rows)
        {
            var converted = rate.PerUnit is { } r
                ? (r.ToString(ci), (balance.Balance.Amount * r / 1e9m).ToString("#,##0.00", ci))
                : ("—", "—");
            t.AddRow(
                year.ToString(ci),
                ProjectionReport.Millions(balance.Exports),
                ProjectionReport.Millions(balance.Imports),
                ProjectionReport.Millions(balance.Balance),
                balance.ExportImportRatio is { } ratio ? TradeBalance.Internal.NumberText.Percent(ratio) : "n/a",
                converted.Item1,
                converted.Item2);
        }

        console.Write(t);
        foreach (var missing in rows.Select(r => r.Local.Missing).OfType<string>().Distinct())
        {
            console.MarkupLine($"[grey]{Terminal.Markup(missing)}[/]");
        }
    }

    /// <summary>The <c>balance</c> table: a row per year, USD and the local currency; a ratio with no imports, or a local figure with no rate, is null.</summary>
    private static OutputTable Tabulate(Country a, Country b, Currency? local, IReadOnlyList<(int Year, BilateralBalance Balance, LocalRate Local)> rows) => new(
        "balance",
        [
            OutputColumn.WholeNumber("year", "calendar year", "The year of the flows.", rows.Select(r => (int?)r.Year)),
            OutputColumn.Text("country", "ISO 3166-1 alpha-3", "The country whose balance it is (--country).", rows.Select(_ => a.Alpha3)),
            OutputColumn.Text("partner", "ISO 3166-1 alpha-3", "The partner (--partner).", rows.Select(_ => b.Alpha3)),
            OutputColumn.ExactNumber("exports_usd", "USD", "The country's exports to the partner.", rows.Select(r => (decimal?)r.Balance.Exports.Amount)),
            OutputColumn.ExactNumber("imports_usd", "USD", "The country's imports from the partner.", rows.Select(r => (decimal?)r.Balance.Imports.Amount)),
            OutputColumn.ExactNumber("balance_usd", "USD", "Exports − imports.", rows.Select(r => (decimal?)r.Balance.Balance.Amount)),
            OutputColumn.FloatingPoint("exports_to_imports", "ratio", "Exports ÷ imports; null when there are no imports (the table prints n/a).", rows.Select(r => r.Balance.ExportImportRatio is { } ratio ? Finite(ratio) : null)),
            OutputColumn.Text("local_currency", "ISO 4217", "The local currency (--currency, else the country's); null when none is known.", rows.Select(_ => local?.Code)),
            OutputColumn.ExactNumber("local_per_usd", $"{local?.Code ?? "local"} per USD", "The year's annual average rate to the local currency; null when the rate table has none.", rows.Select(r => r.Local.PerUnit)),
            OutputColumn.ExactNumber("exports_local", local?.Code ?? "local", "Exports at that rate; null without a rate.", rows.Select(r => r.Balance.Exports.Amount * r.Local.PerUnit)),
            OutputColumn.ExactNumber("imports_local", local?.Code ?? "local", "Imports at that rate; null without a rate.", rows.Select(r => r.Balance.Imports.Amount * r.Local.PerUnit)),
            OutputColumn.ExactNumber("balance_local", local?.Code ?? "local", "The balance at that rate; null without a rate.", rows.Select(r => r.Balance.Balance.Amount * r.Local.PerUnit)),
        ]);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static Country ParseCountry(string code, string option) =>
        Country.TryParse(code, out var c) ? c : throw new UsageException($"{option}: '{code}' is not a known ISO 3166-1 country code or group ({string.Join(", ", CountryGroups.All.Select(g => g.Code))}; define others with --groups FILE).");
}
