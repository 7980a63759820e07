using System.Collections.Immutable;
using System.Globalization;
using NodaTime.Text;
using TradeBalance.Data.Internal;

namespace TradeBalance.Data;

/// <summary>
/// Reads and writes a country-groups file: groups and economies you define, one row per member:
/// <c>group, member</c> (required) and <c>joined, left, name, kind, currency, numeric, source</c> (optional).
/// </summary>
/// <remarks>
/// <para>Rows with the same <c>group</c> code make one <see cref="CountryGroup"/>, in any order. Its
/// name, kind, currency and numeric code are given on any of its rows and must agree where given on
/// several. <c>kind</c> is <c>customs-union</c>, <c>free-trade-area</c>, <c>group</c> (the default),
/// <c>category</c> or <c>economy</c>; an economy (a territory ISO 3166-1 does not list, such as Kosovo
/// as <c>XKX</c>) is one row with an empty <c>member</c>. <c>joined</c> and <c>left</c> are ISO dates,
/// both inclusive, empty for open. <c>source</c> is the row's: a membership's, or an economy's.</para>
/// <para>Reading does not register the groups: pass them to <see cref="CountryGroups.Register(CountryGroup)"/>
/// (the command-line tool's <c>--groups</c> does) so that flows, tariffs and scenarios can name them.
/// Bad input raises <see cref="TradeDataException"/> naming the file, line, column and value: an
/// unknown member or kind, a code that is an ISO country's or a built-in group's of another make-up,
/// attributes that disagree, overlapping periods of one member.</para>
/// </remarks>
/// <threadsafety>Stateless; safe to use from many threads.</threadsafety>
public static class CountryGroupsCsv
{
    /// <summary>The column names, in the order the writer writes them.</summary>
    public static readonly IReadOnlyList<string> Columns = ["group", "member", "joined", "left", "name", "kind", "currency", "numeric", "source"];

    /// <summary>Reads a file (gzip detected).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The groups, ordered by code, and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ReadResult<ImmutableArray<CountryGroup>> Read(string path) => CsvEntry.FromPath(path, TradeFileFormat.CountryGroups, null, ReadCore);

    /// <summary>Reads from a stream, which stays open.</summary>
    /// <param name="stream">The content.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The groups and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<ImmutableArray<CountryGroup>> Read(Stream stream, string fileName) => CsvEntry.FromStream(stream, fileName, TradeFileFormat.CountryGroups, null, ReadCore);

    /// <summary>Reads from text, which stays open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <returns>The groups and the report.</returns>
    /// <exception cref="TradeDataException">A bad value.</exception>
    public static ReadResult<ImmutableArray<CountryGroup>> Read(TextReader reader, string fileName) => CsvEntry.FromText(reader, fileName, TradeFileFormat.CountryGroups, ReadCore);

    /// <summary>Writes groups, one row per membership (an economy: one row with no member).</summary>
    /// <param name="groups">The groups.</param>
    /// <param name="writer">Where to write; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    public static void Write(IEnumerable<CountryGroup> groups, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(writer);
        var o = new CsvOutput(writer);
        o.Row([.. Columns]);
        foreach (var g in groups)
        {
            ArgumentNullException.ThrowIfNull(g, nameof(groups));
            var kind = KindText(g.Kind);
            var currency = g.Currency?.Code ?? string.Empty;
            var numeric = g.Economy.NumericCode == 0 ? string.Empty : CsvOutput.Number(g.Economy.NumericCode);
            if (g.Memberships.IsEmpty)
            {
                o.Row(g.Code, string.Empty, string.Empty, string.Empty, g.Name, kind, currency, numeric, g.Source);
            }

            foreach (var m in g.Memberships)
            {
                o.Row(g.Code, m.Member.Alpha3, Date(m.Joined), Date(m.Left), g.Name, kind, currency, numeric, m.Source);
            }
        }
    }

    /// <summary>Writes groups to a file (UTF-8 without BOM; gzip when the name ends in <c>.gz</c>).</summary>
    /// <param name="groups">The groups.</param>
    /// <param name="path">The file, replaced if it exists.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(IEnumerable<CountryGroup> groups, string path)
    {
        ArgumentNullException.ThrowIfNull(groups);
        CsvEntry.ToPath(path, w => Write(groups, w));
    }

    /// <summary>Parses a kind as the file writes it (<c>customs-union</c>, …), case-insensitive.</summary>
    internal static bool TryKind(string text, out CountryGroupKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "customs-union": kind = CountryGroupKind.CustomsUnion; return true;
            case "free-trade-area": kind = CountryGroupKind.FreeTradeArea; return true;
            case "group": kind = CountryGroupKind.Group; return true;
            case "category": kind = CountryGroupKind.Category; return true;
            case "economy": kind = CountryGroupKind.Economy; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>A kind as the file writes it.</summary>
    internal static string KindText(CountryGroupKind kind) => kind switch
    {
        CountryGroupKind.CustomsUnion => "customs-union",
        CountryGroupKind.FreeTradeArea => "free-trade-area",
        CountryGroupKind.Category => "category",
        CountryGroupKind.Economy => "economy",
        _ => "group",
    };

    private static string Date(NodaTime.LocalDate? d) => d is { } x ? LocalDatePattern.Iso.Format(x) : string.Empty;

    private static ReadResult<ImmutableArray<CountryGroup>> ReadCore(CsvInput csv)
    {
        var group = csv.Require("group");
        var member = csv.Require("member");
        var joined = csv.Find("joined");
        var left = csv.Find("left");
        var name = csv.Find("name");
        var kind = csv.Find("kind");
        var currency = csv.Find("currency");
        var numeric = csv.Find("numeric");
        var source = csv.Find("source");
        var drafts = new Dictionary<string, Draft>(StringComparer.Ordinal);
        var order = new List<Draft>();
        while (csv.Read())
        {
            var code = csv.Required(group).ToUpperInvariant();
            if (!drafts.TryGetValue(code, out var d))
            {
                d = new Draft(code, csv.Line);
                drafts[code] = d;
                order.Add(d);
            }

            d.Attribute(csv, name, "name", csv.Label(name));
            d.Attribute(csv, currency, "currency", csv.Get(currency).ToUpperInvariant());
            d.Attribute(csv, numeric, "numeric", csv.Get(numeric));
            var kindText = csv.Get(kind);
            if (kindText.Length > 0 && !TryKind(kindText, out _))
            {
                throw csv.Error(kind, "is not a kind of group: expected customs-union, free-trade-area, group, category or economy");
            }

            d.Attribute(csv, kind, "kind", kindText.ToLowerInvariant());
            var src = csv.Label(source);
            if (csv.Get(member).Length == 0)
            {
                d.Source = src;
                if (csv.Get(joined).Length > 0 || csv.Get(left).Length > 0)
                {
                    throw csv.Error(member, "is empty, which defines an economy with no members; an economy has no joined or left date");
                }

                d.EconomyLine = csv.Line;
            }
            else
            {
                var c = csv.Country(member);
                try
                {
                    d.Members.Add(new GroupMembership(c, csv.OptionalDate(joined), csv.OptionalDate(left), src));
                }
                catch (ArgumentException ex)
                {
                    throw csv.Error(left, ex.Message.Split(" (Parameter", 2)[0], ex);
                }
            }

            csv.Report.Kept++;
        }

        var list = ImmutableArray.CreateBuilder<CountryGroup>(order.Count);
        // A number names one group: two in one file would make registering the second fail far from its line.
        var numbers = new Dictionary<int, (string Code, long Line)>();
        foreach (var d in order.OrderBy(d => d.Numeric.Line).ThenBy(d => d.Code, StringComparer.Ordinal))
        {
            var built = d.Build(csv, group);
            var n = built.Economy.NumericCode;
            if (n != 0 && !numbers.TryAdd(n, (built.Code, d.Numeric.Line)))
            {
                var first = numbers[n];
                throw csv.At(d.Numeric.Line, "numeric", d.Numeric.Value, string.Create(CultureInfo.InvariantCulture, $"is already the numeric code of {first.Code} (line {first.Line}); a number names one group"));
            }

            list.Add(built);
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));

        return new ReadResult<ImmutableArray<CountryGroup>>(list.ToImmutable(), csv.Report.Build());
    }

    private sealed class Draft(string code, long line)
    {
        public string Code { get; } = code;

        public long Line { get; } = line;

        public List<GroupMembership> Members { get; } = [];

        public long? EconomyLine { get; set; }

        public string Source { get; set; } = string.Empty;

        // The group's attributes (name, kind, currency, numeric), each with the line that first gave it.
        private Dictionary<string, (string Value, long Line)> Attributes { get; } = new(StringComparer.Ordinal);

        /// <summary>Records an attribute given on this row; a second, different value for the group is an error naming the first line.</summary>
        public void Attribute(CsvInput csv, int ordinal, string what, string value)
        {
            if (value.Length == 0)
            {
                return;
            }

            if (!Attributes.TryGetValue(what, out var first))
            {
                Attributes[what] = (value, csv.Line);
            }
            else if (!string.Equals(first.Value, value, StringComparison.Ordinal))
            {
                throw csv.Error(ordinal, string.Create(CultureInfo.InvariantCulture, $"gives group {Code} another {what} than line {first.Line} ('{first.Value}')"));
            }
        }

        /// <summary>The line and text of the group's numeric code, as first given.</summary>
        public (string Value, long Line) Numeric => Get("numeric");

        private (string Value, long Line) Get(string what) => Attributes.TryGetValue(what, out var a) ? a : (string.Empty, 0);

        public CountryGroup Build(CsvInput csv, int groupColumn)
        {
            if (EconomyLine is { } e && Members.Count > 0)
            {
                throw csv.At(e, csv.ColumnName(groupColumn), Code, string.Create(CultureInfo.InvariantCulture, $"has a row with no member (an economy) and rows with members; give {Code} either members or none"));
            }

            var (kindText, _) = Get("kind");
            var kind = kindText.Length > 0 && TryKind(kindText, out var k) ? k : Members.Count == 0 ? CountryGroupKind.Economy : CountryGroupKind.Group;
            Currency? currency = null;
            if (Get("currency") is { Value.Length: > 0 } code)
            {
                currency = global::TradeBalance.Currency.TryParse(code.Value, out var c)
                    ? c
                    : throw csv.At(code.Line, "currency", code.Value, "is not an ISO 4217 currency code");
            }

            var numeric = 0;
            var numericText = Get("numeric");
            if (numericText.Value.Length > 0 && !(int.TryParse(numericText.Value, NumberStyles.None, CultureInfo.InvariantCulture, out numeric) && numeric is > 0 and < 1000))
            {
                throw csv.At(numericText.Line, "numeric", numericText.Value, "is not a numeric code from 1 to 999");
            }

            CountryGroup group;
            try
            {
                var name = Get("name").Value;
                group = new CountryGroup(Code, name.Length > 0 ? name : Code, kind, Members, currency, numeric, Source);
            }
            catch (ArgumentException ex)
            {
                // The value is named by the location already: drop the message's own "'XB1' " or "Group XB1: ".
                var problem = ex.Message.Split(" (Parameter", 2)[0];
                foreach (var prefix in new[] { $"'{Code}' ", $"Group {Code}: ", $"Group {Code} " })
                {
                    if (problem.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        problem = problem[prefix.Length..];
                        break;
                    }
                }

                throw csv.At(Line, csv.ColumnName(groupColumn), Code, problem, ex);
            }

            if (numeric != 0 && CountryGroups.All.FirstOrDefault(g => g.Economy.NumericCode == numeric && g.Code != Code) is { } taken)
            {
                throw csv.At(numericText.Line, "numeric", numericText.Value, $"is already the numeric code of {taken}; choose another or leave it empty");
            }

            // A code already known must mean the same group: otherwise registering this one would fail later, far from the file.
            return CountryGroups.TryFind(Code, out var known) && !known.Equals(group)
                ? throw csv.At(Line, csv.ColumnName(groupColumn), Code, $"is already the code of {known} with other members or attributes; choose another code")
                : group;
        }
    }
}
