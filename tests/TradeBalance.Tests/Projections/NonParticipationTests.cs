using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Tests.Projections;

/// <summary>
/// Issue 15, class 4 (silent drops): a generator of scenarios that name HS lines, beneficiaries and
/// elasticity overrides that do not take part in the projection. For every model path (SMART,
/// Armington, GSIM, staged SMART/Armington/GSIM, Monte Carlo over SMART and Armington) each one that
/// does not take part gets a note naming it and why, or (an override outside the scenario) an error
/// from the scenario; each one that does take part gets no such note.
/// </summary>
public class NonParticipationTests
{
    private static readonly HsCode Tea = HsCode.Parse("0902");
    private static readonly HsCode Coffee = HsCode.Parse("0901");
    private static readonly HsCode Avocado = HsCode.Parse("080440"); // imports in 2023 only
    private static readonly HsCode Phones = HsCode.Parse("851712"); // no imports at all
    private static readonly HsCode[] LinePool = [Tea, Coffee, Avocado, Phones];

    // KEN trades tea and coffee at MFN; ETH both at 0 % (a preference); IND tea only; PER nothing.
    private static readonly Country[] BeneficiaryPool = [Countries.Kenya, Countries.Ethiopia, Countries.India, Countries.Peru];

    // 090240 lies under tea but the data is at heading level, so no market resolves through it.
    private static readonly HsCode[] OverridePool = [Tea, HsCode.Parse("09"), HsCode.Parse("090240"), Avocado, Phones, HsCode.Parse("2709")];

    private static readonly TariffChange[] ChangePool =
        [TariffChange.NewRate(TariffRate.Zero), TariffChange.NewRate(new TariffRate(5m)), TariffChange.NewRate(new TariffRate(15m)), TariffChange.CutPoints(5m), TariffChange.CutPercent(100m)];

    private static readonly string[] Models = ["smart", "armington", "gsim", "staged smart", "staged armington", "staged gsim", "monte-carlo smart", "monte-carlo armington"];

    private static readonly TradeDataSet Data = new(
    [
        TradeFlow.Usd(Countries.Kenya, Countries.China, Tea, 2024, 20_000_000m),
        TradeFlow.Usd(Countries.SriLanka, Countries.China, Tea, 2024, 68_000_000m),
        TradeFlow.Usd(Countries.India, Countries.China, Tea, 2024, 22_000_000m),
        TradeFlow.Usd(Countries.Ethiopia, Countries.China, Tea, 2024, 3_000_000m),
        TradeFlow.Usd(Countries.Kenya, Countries.China, Coffee, 2024, 3_700_000m),
        TradeFlow.Usd(Countries.Brazil, Countries.China, Coffee, 2024, 525_000_000m),
        TradeFlow.Usd(Countries.Ethiopia, Countries.China, Coffee, 2024, 102_000_000m),
        TradeFlow.Usd(Countries.Peru, Countries.China, Avocado, 2023, 90_000_000m),
        TradeFlow.Usd(Countries.Kenya, Countries.China, Avocado, 2023, 7_800_000m),
    ]);

    private static readonly TariffSchedule Schedule = new(Countries.China,
    [
        new TariffLine(TariffRegime.Mfn, Tea, new TariffRate(15m)),
        new TariffLine(TariffRegime.Mfn, Coffee, new TariffRate(8m)),
        new TariffLine(TariffRegime.Mfn, Avocado, new TariffRate(7m)),
        new TariffLine(TariffRegime.Mfn, Phones, TariffRate.Zero),
        new TariffLine(TariffRegime.For(Countries.Ethiopia), Tea, TariffRate.Zero),
        new TariffLine(TariffRegime.For(Countries.Ethiopia), Coffee, TariffRate.Zero),
    ]);

    /// <summary>One generated scenario: which lines, beneficiaries, change and overrides it names.</summary>
    public sealed record Named(HsCode[] Lines, Country[] Beneficiaries, TariffChange Change, HsCode[] Overrides)
    {
        public override string ToString() =>
            $"lines {string.Join(",", Lines.Select(l => l.ToString()))}; beneficiaries {string.Join(",", Beneficiaries.Select(b => b.Alpha3))}; {Change}; overrides {string.Join(",", Overrides.Select(o => o.ToString()))}";
    }

    private static Gen<T[]> SubsetOf<T>(T[] pool, int min) =>
        Gen.ListOf(Gen.Elements(true, false), pool.Length)
            .Select(mask => pool.Where((_, i) => mask[i]).ToArray())
            .Where(s => s.Length >= min);

    /// <summary>Scenarios that always keep tea or coffee (so there is something to project) and name anything else from the pools.</summary>
    public static Arbitrary<Named> Scenarios() =>
        (from lines in SubsetOf(LinePool, 1).Where(l => l.Contains(Tea) || l.Contains(Coffee))
         from beneficiaries in SubsetOf(BeneficiaryPool, 1)
         from change in Gen.Elements(ChangePool)
         from overrides in SubsetOf(OverridePool, 0)
         select new Named(lines, beneficiaries, change, overrides)).ToArbitrary();

    /// <summary>40 scenarios × 8 model paths, each checked against an oracle written from the data above.</summary>
    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Every_model_notes_every_line_beneficiary_and_override_that_takes_no_part() =>
        Prop.ForAll(Scenarios(), s =>
        {
            foreach (var model in Models)
            {
                Check(s, model);
            }

            return true;
        });

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void A_line_without_data_is_named_with_its_reason_in_each_model(string model)
    {
        // The issue's case: 851712 in the Kenya–China scenario, and a line traded only in another year.
        var notes = Notes(new Named([Tea, Coffee, Avocado, Phones], [Countries.Kenya], TariffChange.NewRate(TariffRate.Zero), []), model);
        Assert.Contains(notes, n => n.Contains("HS 851712 is not projected", StringComparison.Ordinal) && n.Contains("in any year", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("HS 080440 is not projected", StringComparison.Ordinal) && n.Contains("in 2024", StringComparison.Ordinal) && n.Contains("2023", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void A_beneficiary_already_at_the_target_is_noted_and_not_called_a_beneficiary(string model)
    {
        var notes = Notes(new Named([Tea, Coffee], [Countries.Kenya, Countries.Ethiopia], TariffChange.NewRate(TariffRate.Zero), []), model);
        var note = Assert.Single(notes, n => n.StartsWith("ETH's rate is already at the scenario's target", StringComparison.Ordinal));
        Assert.Contains("HS 0901 (0%)", note, StringComparison.Ordinal);
        Assert.Contains("HS 0902 (0%)", note, StringComparison.Ordinal);
        Assert.Contains("not a beneficiary", note, StringComparison.Ordinal);
        Assert.DoesNotContain(notes, n => n.StartsWith("KEN's rate is already", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("851712")]
    [InlineData("2709")]
    [InlineData("0903")]
    public void An_override_outside_the_scenario_is_refused_naming_the_code_and_the_lines(string code)
    {
        var e = Assert.Throws<ArgumentException>(() => Scenario(new Named([Tea, Coffee], [Countries.Kenya], TariffChange.NewRate(TariffRate.Zero), [HsCode.Parse(code)])));
        Assert.Contains($"HS {code}", e.Message, StringComparison.Ordinal);
        Assert.Contains("(0901, 0902)", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ModelNames => [.. Models];

    private static void Check(Named s, string model)
    {
        var outside = s.Overrides.Where(o => !s.Lines.Any(l => l.Contains(o) || o.Contains(l))).ToList();
        if (outside.Count > 0)
        {
            var e = Assert.Throws<ArgumentException>(() => Scenario(s));
            Assert.Contains($"HS {outside.Min()}", e.Message, StringComparison.Ordinal); // overrides are checked in code order
            return;
        }

        var notes = Notes(s, model);
        var context = $"{model}, {s}: notes [{string.Join(" | ", notes)}]";
        var projected = s.Lines.Where(l => l.Equals(Tea) || l.Equals(Coffee)).ToList();

        // Lines.
        foreach (var line in s.Lines)
        {
            var noted = notes.Any(n => n.StartsWith($"HS {line} is not projected", StringComparison.Ordinal));
            Assert.True(noted == !projected.Contains(line), $"line {line}: {context}");
        }

        // Beneficiaries without trade, per projected market.
        foreach (var b in s.Beneficiaries)
        {
            foreach (var line in projected)
            {
                var trades = Data.Flows.Any(f => f.Year == 2024 && f.Exporter.Equals(b) && f.Hs.Equals(line) && f.Value.Amount > 0m);
                var noted = notes.Any(n => n.StartsWith($"{b.Alpha3} has no baseline exports in CHN {line} 2024", StringComparison.Ordinal));
                Assert.True(noted == !trades, $"{b.Alpha3} in {line}: {context}");
            }

            // Already at the target: traded, and the change leaves its rate where it is.
            var atTarget = projected.Where(line => Data.Flows.Any(f => f.Year == 2024 && f.Exporter.Equals(b) && f.Hs.Equals(line))
                && s.Change.Apply(Schedule.RateFor(b, line, Effective.PlusDays(-1)).Rate) == Schedule.RateFor(b, line, Effective.PlusDays(-1)).Rate).ToList();
            var note = notes.FirstOrDefault(n => n.StartsWith($"{b.Alpha3}'s rate is already at the scenario's target", StringComparison.Ordinal));
            Assert.True((note is not null) == (atTarget.Count > 0), $"{b.Alpha3} at target on {string.Join(",", atTarget)}: {context}");
            foreach (var line in atTarget)
            {
                Assert.Contains($"HS {line} (", note!, StringComparison.Ordinal);
            }
        }

        // Overrides: used when a projected market is at or under them.
        foreach (var o in s.Overrides)
        {
            var used = projected.Any(o.Contains);
            var noted = notes.Any(n => n.StartsWith($"The elasticity override for HS {o} is not used", StringComparison.Ordinal));
            Assert.True(noted == !used, $"override {o}: {context}");
        }
    }

    private static readonly LocalDate Effective = new(2026, 5, 1);

    private static Scenario Scenario(Named s) =>
        new("generated", Countries.China, s.Beneficiaries, s.Lines, s.Change, Effective)
        {
            ReferenceYear = 2024,
            Elasticities = new Elasticities(new ElasticityValues(-1.5, 1.5, 99), s.Overrides.ToDictionary(o => o, _ => new ElasticityOverride(Substitution: 2.0))),
        };

    /// <summary>The notes a model path gives, and checks the staged path gives them in every year.</summary>
    private static List<string> Notes(Named s, string model)
    {
        var scenario = Scenario(s);
        var ct = TestContext.Current.CancellationToken;
        switch (model)
        {
            case "smart":
                return [.. ProjectionModel.Smart.Project(new ProjectionInputs(scenario, Data, Schedule)).Notes];
            case "armington":
                return [.. ProjectionModel.Armington.Project(new ProjectionInputs(scenario, Data, Schedule)).Notes];
            case "gsim":
                return [.. ProjectionModel.Gsim.Solve(new ProjectionInputs(scenario, Data, [Schedule])).Projection.Notes];
            case "monte-carlo smart":
            case "monte-carlo armington":
                var kind = model.EndsWith("armington", StringComparison.Ordinal) ? ProjectionModelKind.Armington : ProjectionModelKind.Smart;
                return [.. ProjectionModel.For(kind).MonteCarlo(new ProjectionInputs(scenario, Data, Schedule), new MonteCarloSettings(8, 3, 0.5), maxDegreeOfParallelism: 1, cancellationToken: ct).Point.Notes];
            default:
                var staged = model switch
                {
                    "staged smart" => ProjectionModelKind.Smart,
                    "staged armington" => ProjectionModelKind.Armington,
                    _ => ProjectionModelKind.Gsim,
                };
                var path = ProjectionModel.For(staged).ProjectStages(new ProjectionInputs(scenario, Data, [Schedule]), 2025, 2027);
                foreach (var point in path.Points)
                {
                    // Stage 0 (2025) moves no rate, yet it names the same things: what takes part does not depend on the year.
                    Assert.Equal(path.Points[^1].Result.Notes, point.Result.Notes);
                }

                return [.. path.Points[^1].Result.Notes];
        }
    }
}
