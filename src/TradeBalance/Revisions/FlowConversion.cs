namespace TradeBalance;

/// <summary>
/// Trade flows from one HS revision to another (<see cref="HsConcordance.Convert(TradeDataSet, TradeDataSet?, IReadOnlyDictionary{HsCode, decimal}?)"/>):
/// each flow's value goes whole to its code's one target, or is shared among several by weights, and the pieces that land
/// on one exporter, importer, code and year are summed. Value is never lost: the pieces of a flow sum to it exactly.
/// </summary>
internal static class FlowConversion
{
    // Quantities are shared in grams, so a split of whole kilograms stays readable.
    private const decimal QuantityUnit = 0.001m;

    public static HsConversion<TradeDataSet> Run(HsConcordance concordance, TradeDataSet flows, TradeDataSet? targetTrade, IReadOnlyDictionary<HsCode, decimal>? userWeights)
    {
        ArgumentNullException.ThrowIfNull(flows);
        if (flows.Revision is { } stated && stated != concordance.From)
        {
            throw new ArgumentException($"The flows are in {stated}; the concordance {concordance.From} → {concordance.To} converts from {concordance.From}.", nameof(flows));
        }

        if (targetTrade?.Revision is { } weighting && weighting != concordance.To)
        {
            throw new ArgumentException($"The trade that weights the splits is in {weighting}; it must be in {concordance.To}, the revision converted to.", nameof(targetTrade));
        }

        CheckUserWeights(userWeights);
        var tradeValues = targetTrade is null ? null : ValuesByCode(targetTrade.Flows);
        var splits = new Dictionary<HsCode, Split>();
        var subheadings = flows.Flows.Any(f => f.Hs.IsNationalLine)
            ? flows.Flows.Where(f => f.Hs.Length == 6).Select(f => (f.Exporter, f.Importer, f.Hs, f.Year)).ToHashSet()
            : [];
        var unit = 1m / Pow10(flows.Currency.MinorUnits);
        var sums = new Dictionary<(Country Exporter, Country Importer, HsCode Hs, int Year), Piece>();
        var order = new List<(Country Exporter, Country Importer, HsCode Hs, int Year)>();
        var kept = new SortedSet<HsCode>();
        var folded = new SortedSet<HsCode>();

        void Add(TradeFlow f, HsCode code, decimal value, decimal? kg, string source)
        {
            var key = (f.Exporter, f.Importer, code, f.Year);
            if (sums.TryGetValue(key, out var piece))
            {
                piece.Add(value, kg, source);
            }
            else
            {
                sums[key] = new Piece(value, kg, source);
                order.Add(key);
            }
        }

        foreach (var f in flows.Flows)
        {
            if (f.Hs.Length < 6)
            {
                if (!concordance.IsUnaffected(f.Hs))
                {
                    throw new ArgumentException(RefuseBroad(concordance, f.Hs), nameof(flows));
                }

                if (!f.Hs.IsTotal)
                {
                    kept.Add(f.Hs);
                }

                Add(f, f.Hs, f.Value.Amount, f.QuantityKg, f.Source);
                continue;
            }

            var code = f.Hs.Subheading!;
            if (f.Hs.IsNationalLine)
            {
                if (subheadings.Contains((f.Exporter, f.Importer, code, f.Year)))
                {
                    throw new ArgumentException($"The flows hold both the national line {f.Hs} and its subheading {code} for {f.Exporter.Alpha3}→{f.Importer.Alpha3} {f.Year}: converted to {concordance.To}, both would land on the same codes and be counted twice. Keep one of them.", nameof(flows));
                }

                folded.Add(f.Hs);
            }

            if (!splits.TryGetValue(code, out var split))
            {
                splits[code] = split = SplitOf(concordance, code, userWeights, tradeValues)?.Labelled(concordance.From, code)
                    ?? throw new ArgumentException(RefuseUnlisted(concordance, code), nameof(flows));
            }

            if (split.Targets.Length == 1)
            {
                Add(f, split.Targets[0], f.Value.Amount, f.QuantityKg, f.Source);
                continue;
            }

            var values = Apportionment.Split(f.Value.Amount, split.Weights, unit);
            var kgs = f.QuantityKg is { } q ? Apportionment.Split(q, split.Weights, QuantityUnit) : null;
            for (var i = 0; i < split.Targets.Length; i++)
            {
                Add(f, split.Targets[i], values[i], kgs?[i], f.Source.Length == 0 ? split.Labels[i] : $"{f.Source} [{split.Labels[i]}]");
            }
        }

        var converted = order.Select(k => sums[k].ToFlow(k.Exporter, k.Importer, k.Hs, k.Year, flows.Currency)).ToList();
        var notes = new List<string>();
        if (folded.Count > 0)
        {
            notes.Add($"{folded.Count} national lines converted as their subheadings (their extra digits have no meaning in {concordance.To}): {Some(folded)}");
        }

        if (kept.Count > 0)
        {
            notes.Add($"{kept.Count} headings or chapters kept as they are (no code under them moves out, none moves in): {Some(kept)}");
        }

        var before = flows.Flows.Sum(f => f.Value.Amount);
        var after = converted.Sum(f => f.Value.Amount);
        var report = new HsConversionReport(
            concordance.From,
            concordance.To,
            tariffs: false,
            splits.Select(s => new HsConversionEntry(s.Key, s.Value.Rule, [.. s.Value.Targets.Select((t, i) => new HsWeight(t, s.Value.Weights[i]))])),
            notes,
            flows.Flows.Length,
            converted.Count,
            new Money(before, flows.Currency),
            new Money(after, flows.Currency));
        return new HsConversion<TradeDataSet>(new TradeDataSet(converted, flows.Currency, concordance.To), report);
    }

    /// <summary>Why a heading, chapter (or a code the concordance does not list) cannot be converted, and what to do.</summary>
    internal static string RefuseBroad(HsConcordance concordance, HsCode code)
    {
        var level = code.Length == 2 ? "chapter" : "heading";
        return $"HS {code} ({concordance.From}) cannot be converted to {concordance.To} as a whole {level}: "
            + "the concordance lists no subheading under it, or some of its subheadings become codes of other headings or come from them. Give the data at 6 digits.";
    }

    /// <summary>Why a 6-digit code cannot be converted, and what to do.</summary>
    internal static string RefuseUnlisted(HsConcordance concordance, HsCode code) =>
        $"HS {code} is not listed in the concordance {concordance.From} → {concordance.To}, so it has no counterpart in {concordance.To}. "
        + $"If the code did not change, add the link {code} → {code}; if it is not a {concordance.From} code, the data are in another revision.";

    private static Split? SplitOf(HsConcordance concordance, HsCode code, IReadOnlyDictionary<HsCode, decimal>? userWeights, Dictionary<HsCode, decimal>? tradeValues)
    {
        var targets = concordance.TargetsOf(code);
        if (targets.IsEmpty)
        {
            return null;
        }

        if (targets.Length == 1)
        {
            return new Split([.. targets], [1m], HsWeighting.Whole);
        }

        if (userWeights is not null && targets.All(userWeights.ContainsKey))
        {
            var given = targets.Select(t => userWeights[t]).ToArray();
            if (given.Sum() > 0m)
            {
                return new Split([.. targets], Apportionment.Normalize(given), HsWeighting.User);
            }
        }

        if (tradeValues is not null)
        {
            var traded = targets.Select(t => tradeValues.GetValueOrDefault(t)).ToArray();
            if (traded.Sum() > 0m)
            {
                return new Split([.. targets], Apportionment.Normalize(traded), HsWeighting.TradeData);
            }
        }

        return new Split([.. targets], Apportionment.Normalize([.. targets.Select(_ => 1m)]), HsWeighting.Equal);
    }

    /// <summary>The value traded under each 6-digit code, all importers and years: its 6-digit flows, else its national lines.</summary>
    internal static Dictionary<HsCode, decimal> ValuesByCode(IEnumerable<TradeFlow> trade)
    {
        var six = new Dictionary<HsCode, decimal>();
        var national = new Dictionary<HsCode, decimal>();
        foreach (var f in trade)
        {
            if (f.Hs.Length >= 6)
            {
                var map = f.Hs.Length == 6 ? six : national;
                map[f.Hs.Subheading!] = map.GetValueOrDefault(f.Hs.Subheading!) + f.Value.Amount;
            }
        }

        foreach (var (code, value) in national)
        {
            six.TryAdd(code, value);
        }

        return six;
    }

    private static void CheckUserWeights(IReadOnlyDictionary<HsCode, decimal>? userWeights)
    {
        foreach (var (code, weight) in userWeights ?? new Dictionary<HsCode, decimal>())
        {
            if (code is null || code.Length != 6 || weight < 0m)
            {
                throw new ArgumentException($"A user weight must be for a 6-digit code and not negative; got {code?.ToString() ?? "null"} = {weight}.", nameof(userWeights));
            }
        }
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10m;
        }

        return p;
    }

    private static string Some(SortedSet<HsCode> codes) =>
        string.Join(", ", codes.Take(10)) + (codes.Count > 10 ? $" and {codes.Count - 10} more" : string.Empty);

    private sealed record Split(HsCode[] Targets, decimal[] Weights, HsWeighting Rule)
    {
        /// <summary>What each piece's source says it is, e.g. <c>75% of HS2017 851712</c>; formatted once per code, not per flow.</summary>
        public string[] Labels { get; private init; } = [];

        public Split Labelled(HsRevision from, HsCode code) =>
            this with { Labels = [.. Weights.Select(w => $"{HsConversionReport.Percent(w)} of {from} {code}")] };
    }

    /// <summary>The pieces landing on one exporter, importer, code and year: their sums and sources.</summary>
    private sealed class Piece(decimal value, decimal? kg, string source)
    {
        private readonly string _first = source;
        private List<string>? _more; // most pieces have one source: no list for them
        private decimal _value = value;
        private decimal? _kg = kg;

        public void Add(decimal value, decimal? kg, string source)
        {
            _value += value;
            _kg = _kg is { } a && kg is { } b ? a + b : null; // a total is known only when every piece's is
            if (!string.Equals(source, _first, StringComparison.Ordinal) && !(_more?.Contains(source, StringComparer.Ordinal) ?? false))
            {
                (_more ??= []).Add(source);
            }
        }

        public TradeFlow ToFlow(Country exporter, Country importer, HsCode hs, int year, Currency currency) =>
            new(exporter, importer, hs, year, new Money(_value, currency), _kg, _more is null ? _first : string.Join("; ", _more.Prepend(_first).Where(s => s.Length > 0)));
    }
}
