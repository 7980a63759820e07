using NodaTime;
using TradeBalance.Projections;
using TradeBalance.Testing;
using Xunit;

namespace TradeBalance.Tests;

/// <summary>
/// The C# examples of the README and docs/models.md, compiled and run here. Each example sits between
/// markers; a test checks the page shows the same code and the same printed output, so neither can drift.
/// </summary>
public class ReadmeExamples
{
    private static string ExampleCode(string name) => RepoFiles.ExampleCode(Path.Combine("tests", "TradeBalance.Tests", "ReadmeExamples.cs"), name);

    internal static string KenyaTeaExample()
    {
        var output = new StringWriter();
        var Console = output; // the README example writes to the console
        // README:kenya-tea-begin
        var tea = HsCode.Parse("0902");
        var flows = new TradeDataSet(
        [
            // China's 2024 tea imports by supplier, USD (the embedded data set: China customs' 2024 volumes; see its SOURCES.md)
            TradeFlow.Usd(Countries.SriLanka, Countries.China, tea, 2024, 58_800_000m),
            TradeFlow.Usd(Countries.India, Countries.China, tea, 2024, 21_459_000m),
            TradeFlow.Usd(Countries.VietNam, Countries.China, tea, 2024, 19_374_000m),
            TradeFlow.Usd(Countries.Kenya, Countries.China, tea, 2024, 21_299_000m),
            TradeFlow.Usd(Countries.RestOfWorld, Countries.China, tea, 2024, 37_068_000m),
        ]);
        var tariffs = new TariffSchedule(Countries.China,
        [
            new TariffLine(TariffRegime.Mfn, tea, TariffRate.FromPercent(15m), source: "China MFN, HS 0902"),
        ]);
        var scenario = new Scenario(
            "China: zero tariff on Kenyan tea",
            importer: Countries.China,
            beneficiaries: [Countries.Kenya],
            lines: [tea],
            change: TariffChange.NewRate(TariffRate.Zero),
            effective: new LocalDate(2026, 5, 1))
        {
            // η = -1.5 (assumption), σ = 1.83 (Broda & Weinstein 2006, China HS3 090), ε = 99 (infinite)
            Elasticities = new Elasticities(new ElasticityValues(-1.5, 1.83, 99)),
        };

        var result = ProjectionModel.Smart.Project(new ProjectionInputs(scenario, flows, tariffs));
        Console.WriteLine(result);

        var kenya = result.Rows.Single(r => r.Exporter == Countries.Kenya);
        Console.WriteLine(FormattableString.Invariant(
            $"Kenya: {kenya.Baseline.Round()} -> {kenya.Projected.Round()}, share {kenya.BaselineShare:P2} -> {kenya.ProjectedShare:P2}"));
        // README:kenya-tea-end
        return output.ToString();
    }

    [Fact]
    public void Kenya_tea_example_runs_and_the_README_shows_its_code_and_output()
    {
        var printed = KenyaTeaExample();
        if (Environment.GetEnvironmentVariable("TRADEBALANCE_PRINT_README") is { Length: > 0 } dump)
        {
            File.WriteAllText(dump, printed);
        }

        Assert.Contains("KEN", printed, StringComparison.Ordinal);
        var readme = Normalize(File.ReadAllText(RepoFiles.Path("README.md")));
        Assert.Contains(Normalize(ExampleCode("kenya-tea")), readme, StringComparison.Ordinal);
        Assert.Contains(Normalize(printed), readme, StringComparison.Ordinal);
    }

    internal static string KernelRangeExample()
    {
        var output = new StringWriter();
        var Console = output; // the README example writes to the console
        // README:kernel-range-begin
        // Two markets in CSR layout: market 0 owns flows 0–2, market 1 owns flows 3–4.
        int[] offsets = [0, 3, 5];
        double[] baseline = [60e6, 25e6, 15e6, 40e6, 10e6]; // USD
        double[] before = [0.15, 0.15, 0.15, 0.10, 0.10];   // tariffs as fractions
        double[] after = [0.00, 0.15, 0.15, 0.00, 0.10];    // flows 0 and 3 cut to zero
        double[] eta = [-1.5, -1.5], sigma = [1.5, 1.5], eps = [99, 99];
        double[] tc = new double[5], td = new double[5], pe = new double[5], m1 = new double[5];
        double[] t0 = new double[2], t1 = new double[2], r0 = new double[2], r1 = new double[2], w = new double[2];

        // Each worker projects its own markets into the shared arrays (the spans are ref structs, so
        // each worker builds its own view of the arrays).
        Parallel.For(0, 2, m => SmartKernel.ProjectRange(
            new SmartInput(offsets, baseline, before, after, eta, sigma, eps),
            new SmartOutput(tc, td, pe, m1, t0, t1, r0, r1, w),
            firstMarket: m,
            endMarket: m + 1));

        for (var m = 0; m < 2; m++)
        {
            Console.WriteLine(FormattableString.Invariant($"market {m}: {t0[m] / 1e6:F2}m -> {t1[m] / 1e6:F2}m USD, welfare {w[m] / 1e6:F3}m"));
        }
        // README:kernel-range-end
        return output.ToString();
    }

    [Fact]
    public void Kernel_range_example_runs_and_the_models_page_shows_its_code_and_output()
    {
        var printed = KernelRangeExample();
        Assert.StartsWith("market 0: 100.00m -> ", printed, StringComparison.Ordinal);
        var models = Normalize(File.ReadAllText(RepoFiles.Path(Path.Combine("docs", "models.md"))));
        Assert.Contains(Normalize(ExampleCode("kernel-range")), models, StringComparison.Ordinal);
        Assert.Contains(Normalize(printed), models, StringComparison.Ordinal);
    }

    private static string Normalize(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
