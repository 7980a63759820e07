using System.Text;

namespace TradeBalance.Internal;

/// <summary>Reads the small CSV tables embedded in this assembly (ISO 3166-1, ISO 4217).</summary>
internal static class EmbeddedTables
{
    /// <summary>Returns the data rows of an embedded CSV resource, header removed, `#` comment lines skipped.</summary>
    internal static List<string[]> Read(string resourceName)
    {
        var assembly = typeof(EmbeddedTables).Assembly;
        using var stream = assembly.GetManifestResourceStream("TradeBalance.Resources." + resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<string[]>();
        var headerSeen = false;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }

            rows.Add(CsvLine.Split(line, ',', trim: false));
        }

        return rows;
    }
}
