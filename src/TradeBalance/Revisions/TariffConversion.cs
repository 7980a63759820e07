using NodaTime;

namespace TradeBalance;

/// <summary>
/// A tariff schedule from one HS revision to another (<see cref="HsConcordance.Convert(TariffSchedule, TradeDataSet?)"/>):
/// regime by regime, each new code takes, on each day, the mean of the rates its old codes have in force that day
/// (one old code: its rate, unchanged), weighted by the importer's imports of the old codes where there are any.
/// </summary>
internal static class TariffConversion
{
    // Means of percentages are kept to a ten-thousandth of a point: finer is noise, and it keeps rates readable.
    private const int RateDecimals = 4;

    public static HsConversion<TariffSchedule> Run(HsConcordance concordance, TariffSchedule schedule, TradeDataSet? flows)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Revision is { } stated && stated != concordance.From)
        {
            throw new ArgumentException($"{schedule.Importer.Alpha3}'s schedule is in {stated}; the concordance {concordance.From} → {concordance.To} converts from {concordance.From}.", nameof(schedule));
        }

        if (flows?.Revision is { } weighting && weighting != concordance.From)
        {
            throw new ArgumentException($"The trade that weights the means is in {weighting}; it must be in {concordance.From}, the schedule's revision.", nameof(flows));
        }

        var imports = flows is null
            ? []
            : FlowConversion.ValuesByCode(flows.Flows.Where(f => f.Importer.Equals(schedule.Importer)));
        var converted = new List<TariffLine>();
        var groups = new Dictionary<(TariffRegime Regime, HsCode Target), List<(HsCode Source, TariffLine Line)>>();
        var order = new List<(TariffRegime Regime, HsCode Target)>();
        var relabelled = new SortedSet<HsCode>();
        var kept = new SortedSet<HsCode>();
        var withLines = new Dictionary<HsCode, SortedSet<HsCode>>();
        foreach (var line in schedule.Lines)
        {
            if (line.Hs.Length < 6)
            {
                if (!concordance.IsUnaffected(line.Hs))
                {
                    throw new ArgumentException($"{schedule.Importer.Alpha3}'s line {line}: {FlowConversion.RefuseBroad(concordance, line.Hs)}", nameof(schedule));
                }

                if (!line.Hs.IsTotal)
                {
                    kept.Add(line.Hs);
                }

                converted.Add(line);
                continue;
            }

            var code = line.Hs.Subheading!;
            var targets = concordance.TargetsOf(code);
            if (targets.IsEmpty)
            {
                throw new ArgumentException($"{schedule.Importer.Alpha3}'s line {line}: {FlowConversion.RefuseUnlisted(concordance, code)}", nameof(schedule));
            }

            if (line.Hs.IsNationalLine)
            {
                // A national line's rate covers part of its subheading; which part of a split or merged code it is, nobody can say.
                if (targets.Length != 1 || concordance.SourcesOf(targets[0]).Length != 1)
                {
                    throw new ArgumentException($"{schedule.Importer.Alpha3}'s national line {line} cannot be converted to {concordance.To}: its subheading {code} is split or merged ({code} → {string.Join(", ", targets)}), so the part of the new codes it covers is unknown. Give the line at 6 digits, or the national schedule of {concordance.To}.", nameof(schedule));
                }

                converted.Add(new TariffLine(line.Regime, HsCode.Parse(targets[0].Digits + line.Hs.Digits[6..]), line.Rate, line.Validity, line.Source));
                relabelled.Add(line.Hs);
                continue;
            }

            foreach (var target in targets)
            {
                var key = (line.Regime, target);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                    order.Add(key);
                }

                list.Add((code, line));
                if (!withLines.TryGetValue(target, out var codes))
                {
                    withLines[target] = codes = [];
                }

                codes.Add(code);
            }
        }

        var weights = new Dictionary<HsCode, HsConversionEntry>();
        var notes = new List<string>();
        foreach (var (regime, target) in order)
        {
            var contributions = groups[(regime, target)];
            if (!weights.TryGetValue(target, out var entry))
            {
                weights[target] = entry = EntryFor(concordance, target, withLines[target], imports, notes);
            }

            var present = contributions.Select(c => c.Source).Distinct().ToArray();
            var absent = entry.Weights.Select(w => w.Code).Except(present).ToArray();
            if (absent.Length > 0)
            {
                notes.Add($"{target} under {regime}: the rate comes from {string.Join(", ", present)} only ({string.Join(", ", absent)} have no line of this regime)");
            }

            converted.AddRange(Mean(regime, target, contributions, entry, imports, concordance.From));
        }

        if (relabelled.Count > 0)
        {
            notes.Add($"{relabelled.Count} national lines relabelled with their subheading's one new code: {string.Join(", ", relabelled.Take(10))}{(relabelled.Count > 10 ? " …" : string.Empty)}");
        }

        if (kept.Count > 0)
        {
            notes.Add($"{kept.Count} heading or chapter lines kept as they are (no code under them moves out, none moves in): {string.Join(", ", kept.Take(10))}{(kept.Count > 10 ? " …" : string.Empty)}");
        }

        var report = new HsConversionReport(concordance.From, concordance.To, tariffs: true, weights.Values, notes, schedule.Lines.Length, converted.Count, null, null);
        return new HsConversion<TariffSchedule>(new TariffSchedule(schedule.Importer, converted, concordance.To), report);
    }

    /// <summary>The weights of a new code's sources that have lines: the importer's imports of each, else equal.</summary>
    private static HsConversionEntry EntryFor(HsConcordance concordance, HsCode target, SortedSet<HsCode> sourcesWithLines, Dictionary<HsCode, decimal> imports, List<string> notes)
    {
        var all = concordance.SourcesOf(target);
        var withLines = sourcesWithLines.ToArray();
        if (withLines.Length < all.Length)
        {
            notes.Add($"{target}: {string.Join(", ", all.Except(withLines))} have no 6-digit line, so {target}'s rate comes from {string.Join(", ", withLines)}");
        }

        if (withLines.Length == 1)
        {
            return new HsConversionEntry(target, HsWeighting.Whole, [new HsWeight(withLines[0], 1m)]);
        }

        var traded = withLines.Select(s => imports.GetValueOrDefault(s)).ToArray();
        var (rule, shares) = traded.Sum() > 0m
            ? (HsWeighting.TradeData, Apportionment.Normalize(traded))
            : (HsWeighting.Equal, Apportionment.Normalize([.. withLines.Select(_ => 1m)]));
        return new HsConversionEntry(target, rule, [.. withLines.Select((s, i) => new HsWeight(s, shares[i]))]);
    }

    /// <summary>
    /// One regime's lines for a new code: the dates are cut wherever a source's line starts or ends, each piece takes the
    /// mean of the rates in force (weighted by imports, else simple), and adjacent pieces with equal rates are joined.
    /// </summary>
    private static IEnumerable<TariffLine> Mean(TariffRegime regime, HsCode target, List<(HsCode Source, TariffLine Line)> contributions, HsConversionEntry entry, Dictionary<HsCode, decimal> imports, HsRevision from)
    {
        if (contributions.Select(c => c.Source).Distinct().Count() == 1)
        {
            foreach (var (_, line) in contributions)
            {
                yield return new TariffLine(regime, target, line.Rate, line.Validity, line.Source);
            }

            yield break;
        }

        var cuts = contributions.Select(c => c.Line.Validity.Start)
            .Concat(contributions.Where(c => c.Line.Validity.End < TariffLine.OpenEnd).Select(c => c.Line.Validity.End.PlusDays(1)))
            .Distinct().Order().ToArray();
        (LocalDate Start, LocalDate End, decimal Rate, List<(HsCode Source, TariffLine Line)> Used)? open = null;
        for (var i = 0; i < cuts.Length; i++)
        {
            var start = cuts[i];
            var inForce = contributions.Where(c => c.Line.Validity.Contains(start)).ToList();
            if (inForce.Count == 0)
            {
                continue;
            }

            var end = inForce.Min(c => c.Line.Validity.End);
            if (i + 1 < cuts.Length && cuts[i + 1].PlusDays(-1) < end)
            {
                end = cuts[i + 1].PlusDays(-1);
            }

            var rate = Rate(inForce, imports);
            if (open is { } o && o.Rate == rate && o.End.PlusDays(1) == start)
            {
                open = (o.Start, end, rate, [.. o.Used, .. inForce]);
                continue;
            }

            if (open is { } done)
            {
                yield return Line(regime, target, done, entry, from);
            }

            open = (start, end, rate, inForce);
        }

        if (open is { } last)
        {
            yield return Line(regime, target, last, entry, from);
        }
    }

    private static decimal Rate(List<(HsCode Source, TariffLine Line)> inForce, Dictionary<HsCode, decimal> imports)
    {
        var traded = inForce.Sum(c => imports.GetValueOrDefault(c.Source));
        var mean = traded > 0m
            ? inForce.Sum(c => imports.GetValueOrDefault(c.Source) * c.Line.Rate.Percent) / traded
            : inForce.Average(c => c.Line.Rate.Percent);
        return decimal.Round(mean, RateDecimals, MidpointRounding.ToEven);
    }

    private static TariffLine Line(TariffRegime regime, HsCode target, (LocalDate Start, LocalDate End, decimal Rate, List<(HsCode Source, TariffLine Line)> Used) piece, HsConversionEntry entry, HsRevision from)
    {
        var sources = piece.Used.Select(c => c.Line.Source).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal);
        var codes = string.Join(", ", piece.Used.Select(c => c.Source).Distinct().Order());
        var how = $"mean of {from} {codes}, {HsConversionReport.RuleText(entry.Rule)}";
        var text = string.Join("; ", sources);
        return new TariffLine(regime, target, new TariffRate(piece.Rate), new DateInterval(piece.Start, piece.End), text.Length == 0 ? $"[{how}]" : $"{text} [{how}]");
    }
}
