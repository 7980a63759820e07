using System.Globalization;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests.Reliability;

/// <summary>
/// The same inputs give byte-identical projection CSV and JSON, and bit-identical Monte Carlo bands,
/// across repeated runs, the current culture (de-DE, fr-FR, ar-SA, invariant) and the degree of
/// parallelism (Sensitivity 1 vs 4 workers; GSIM solves its products in parallel).
/// </summary>
public class DeterminismTests
{
    private static readonly string[] Cultures = ["de-DE", "fr-FR", "ar-SA", ""];

    /// <summary>Reads the files and writes every model's projection under the current culture.</summary>
    private static byte[][] Outputs()
    {
        var (scenario, flows, tariffs, all) = ReliabilityInputs.Read();
        return
        [
            ReliabilityInputs.Bytes(ProjectionModel.Smart.Project(new ProjectionInputs(scenario, flows, tariffs)), tariffs),
            ReliabilityInputs.Bytes(ProjectionModel.Armington.Project(new ProjectionInputs(scenario, flows, tariffs)), tariffs),
            ReliabilityInputs.Bytes(ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, flows, all)).Projection, tariffs),
            System.Text.Encoding.UTF8.GetBytes(ScenarioJson.ToJson(scenario)),
        ];
    }

    [Fact]
    public void Projection_output_is_byte_identical_across_runs_and_cultures()
    {
        var reference = InCulture("", Outputs);
        Assert.Equal(reference, Outputs()); // a second run
        foreach (var culture in Cultures)
        {
            var again = InCulture(culture, Outputs);
            for (var i = 0; i < reference.Length; i++)
            {
                Assert.True(reference[i].AsSpan().SequenceEqual(again[i]), $"output {i} differs under culture '{culture}'");
            }
        }
    }

    [Fact]
    public void Monte_Carlo_bands_are_bit_identical_for_1_and_4_workers_and_across_cultures()
    {
        var (scenario, flows, tariffs, _) = ReliabilityInputs.Read();
        var settings = new MonteCarloSettings(400, 7, 0.5);
        byte[] Run(int workers, ProjectionModelKind model) =>
            ReliabilityInputs.Bytes(ProjectionModel.For(model).MonteCarlo(new ProjectionInputs(scenario, flows, tariffs), settings, maxDegreeOfParallelism: workers));

        foreach (var model in new[] { ProjectionModelKind.Smart, ProjectionModelKind.Armington })
        {
            var one = Run(1, model);
            Assert.Equal(one, Run(4, model));
            Assert.Equal(one, Run(4, model)); // a second parallel run: scheduling differs, results must not
            Assert.Equal(one, InCulture("ar-SA", () => Run(4, model)));
        }
    }

    [Fact]
    public void GSIM_over_many_products_is_byte_identical_whatever_the_scheduling()
    {
        // Twelve products with eight importers each, solved in parallel: results must not depend on the order products finish.
        var (scenario, data, schedules) = GsimMarkets(products: 12, importers: 8);
        var first = ReliabilityInputs.Bytes(ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, data, schedules)).Projection, schedules[0]);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(first, ReliabilityInputs.Bytes(ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, data, schedules)).Projection, schedules[0]));
        }

        Assert.Equal(first, InCulture("fr-FR", () => ReliabilityInputs.Bytes(ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, data, schedules)).Projection, schedules[0])));
    }

    /// <summary>Runs with CurrentCulture and CurrentUICulture set, restoring both.</summary>
    internal static T InCulture<T>(string name, Func<T> run)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = name.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name);
            return run();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    /// <summary>A deterministic multi-importer, multi-product data set with MFN schedules and a Kenyan preference.</summary>
    internal static (Scenario Scenario, TradeDataSet Data, TariffSchedule[] Schedules) GsimMarkets(int products, int importers)
    {
        Country[] countries = [Countries.China, Countries.Kenya, Countries.SriLanka, Countries.India, Countries.VietNam, Countries.Ethiopia, Countries.Brazil, Countries.Peru, Countries.Chile, Countries.Mexico, Countries.UnitedStates];
        var codes = Enumerable.Range(1, products).Select(p => HsCode.Parse((10 + p).ToString("D2", CultureInfo.InvariantCulture) + "01")).ToArray();
        var flows = new List<TradeFlow>();
        var x = 12345UL;
        foreach (var hs in codes)
        {
            for (var i = 0; i < importers; i++)
            {
                foreach (var e in countries.Where((c, k) => k != i))
                {
                    x = (x * 6364136223846793005UL) + 1442695040888963407UL;
                    flows.Add(TradeFlow.Usd(e, countries[i], hs, 2024, 1_000m + (x >> 40)));
                }
            }
        }

        var schedules = countries.Take(importers).Select((imp, i) => new TariffSchedule(imp, codes.SelectMany(hs => new[]
        {
            new TariffLine(TariffRegime.Mfn, hs, new TariffRate(5m + i)),
        }))).ToArray();
        var scenario = new Scenario("gsim", Countries.China, [Countries.Kenya], codes, TariffChange.NewRate(TariffRate.Zero), new NodaTime.LocalDate(2026, 5, 1)) { ReferenceYear = 2024 };
        return (scenario, new TradeDataSet(flows), schedules);
    }
}
