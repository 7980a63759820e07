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
        var command = new Command("balance", "Print a country pair's bilateral balance by year (exports − imports), in USD and KES.");
        foreach (var o in new Option[] { flows, rates, country, partner, onlyYear })
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
            Inputs.CheckStandardInput(("--flows", flowsPath), ("--rates", ratesPath));
            var data = flowsPath is null ? KenyaChina.Flows : Inputs.Read(flowsPath, "--flows", (s, name) => TradeFile.ReadFlows(s, name).Value);
            var table = ratesPath is null ? KenyaChina.ExchangeRates : Inputs.Read(ratesPath, "--rates", (s, name) => ExchangeRatesCsv.Read(s, name).Value);
            var ci = CultureInfo.InvariantCulture;

            // A pair with no trade in the data is an answer of zeros that means nothing: say so instead.
            var years = data.Years.Where(y => parse.GetValue(onlyYear) is not { } only || y == only).ToList();
            var traded = years.Where(y => data.BilateralBalance(a, b, y) is { } s && (s.Exports.Amount != 0m || s.Imports.Amount != 0m)).ToList();
            if (traded.Count == 0)
            {
                var which = parse.GetValue(onlyYear) is { } y ? $"in {y}" : $"in any year ({string.Join(", ", data.Years)})";
                throw new TradeDataException($"The data has no trade between {a.Alpha3} and {b.Alpha3} {which}: no balance to show. Check --country, --partner and --flows.");
            }

            var console = CliApp.Console(stdout);
            var t = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Terminal.Markup($"{a.Name} – {b.Name}: bilateral balance (exports − imports)")) };
            t.AddColumn("Year");
            foreach (var h in Headers)
            {
                t.AddColumn(new TableColumn(h).RightAligned());
            }

            foreach (var year in years)
            {
                var balance = data.BilateralBalance(a, b, year);
                var kes = table.TryFind(data.Currency, Currency.Kes, new LocalDate(year, 1, 1), ExchangeRateRule.AnnualAverage, out var rate)
                    ? (rate.Rate.Rate.ToString(ci), (rate.Rate.Convert(balance.Balance).Amount / 1e9m).ToString("#,##0.00", ci))
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
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Country ParseCountry(string code, string option) =>
        Country.TryParse(code, out var c) ? c : throw new UsageException($"{option}: '{code}' is not a known ISO 3166-1 country code.");
}
