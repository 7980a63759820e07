using System.CommandLine;
using NodaTime;
using TradeBalance.Data;

namespace TradeBalance.Cli;

/// <summary><c>--groups FILE</c> (define and register groups) and <c>--aggregate CODE[,CODE]</c> (fold members' imports into a union).</summary>
internal static class GroupInputs
{
    public static Option<string?> GroupsOption() => new("--groups")
    {
        Description = "Country-groups file (group,member[,joined,left,name,kind,currency,numeric,source]) defining groups and economies by code, usable wherever a country code is (- reads standard input). Built in: " + string.Join(", ", CountryGroups.All.Select(g => g.Code)) + ".",
        HelpName = "FILE",
    };

    public static Option<string?> AggregateOption() => new("--aggregate")
    {
        Description = "Fold the imports of a group's members into the group as one importer, with its members on the scenario's effective date (e.g. EUN); trade between members is left out. Several: EUN,EAC.",
        HelpName = "CODES",
    };

    /// <summary>Reads and registers the groups of <c>--groups</c>, before any other input names them.</summary>
    public static string? Register(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var (groups, report) = Inputs.Read(path, "--groups", CountryGroupsCsv.Read);
        foreach (var g in groups)
        {
            CountryGroups.Register(g);
        }

        return $"groups: {report} ({string.Join(", ", groups.Select(g => g.Code))})";
    }

    /// <summary>Parses <c>--aggregate</c>'s codes into groups; an unknown code is a usage error naming it and the known ones.</summary>
    public static IReadOnlyList<CountryGroup> Parse(string? codes)
    {
        if (codes is null)
        {
            return [];
        }

        var list = new List<CountryGroup>();
        foreach (var code in codes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!CountryGroups.TryFind(code, out var group))
            {
                throw new UsageException($"--aggregate: '{code}' is not a known group ({string.Join(", ", CountryGroups.All.Select(g => g.Code))}); define it with --groups FILE.");
            }

            if (group.Kind == CountryGroupKind.Economy)
            {
                throw new UsageException($"--aggregate: {group.Code} is an economy with no members; there is nothing to fold.");
            }

            list.Add(group);
        }

        return list.Count == 0 ? throw new UsageException("--aggregate: give at least one group code, e.g. EUN.") : list;
    }

    /// <summary>Folds each group's members' imports into it, on the date given; returns the data and one line per group for the inputs' origins.</summary>
    public static (TradeDataSet Data, IReadOnlyList<string> Notes) Fold(TradeDataSet data, IReadOnlyList<CountryGroup> groups, LocalDate date)
    {
        // Two groups that share a member on the date would each claim its imports: the first folded would take them, so
        // the answer would depend on the order of the codes. Refused rather than defined by the order.
        for (var i = 0; i < groups.Count; i++)
        {
            var members = groups[i].MembersOn(date).ToHashSet();
            for (var j = i + 1; j < groups.Count; j++)
            {
                var shared = groups[j].MembersOn(date).Where(members.Contains).Order().ToList();
                if (groups[i].Code == groups[j].Code || shared.Count > 0)
                {
                    throw new UsageException(groups[i].Code == groups[j].Code
                        ? $"--aggregate: {groups[i].Code} is given twice."
                        : $"--aggregate: {groups[i].Code} and {groups[j].Code} share members on {NodaTime.Text.LocalDatePattern.Iso.Format(date)} ({string.Join(", ", shared.Take(5).Select(m => m.Alpha3))}{(shared.Count > 5 ? ", …" : string.Empty)}), whose imports would go to whichever is folded first; fold one of them, or define groups without common members.");
                }
            }
        }

        var notes = new List<string>();
        foreach (var g in groups)
        {
            var folded = data.AggregateImporters(g, date);
            if (folded.MemberFlows == 0)
            {
                throw new TradeDataException($"--aggregate {g.Code}: the flows hold no imports of its {folded.Members.Count} members on {NodaTime.Text.LocalDatePattern.Iso.Format(date)} ({string.Join(", ", folded.Members.Take(5).Select(m => m.Alpha3))}{(folded.Members.Count > 5 ? ", …" : string.Empty)}); nothing to fold.");
            }

            data = folded.Data;
            notes.Add($"aggregated {folded}");
        }

        return (data, notes);
    }
}
