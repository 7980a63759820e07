namespace TradeBalance.Projections;

/// <summary>What one part of a package does to a country's trade with a partner: its change to exports and to imports.</summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class PartContribution
{
    internal PartContribution(ProjectionResult part, Money exportChange, Money importChange)
    {
        Part = part;
        ExportChange = exportChange;
        ImportChange = importChange;
    }

    /// <summary>Gets the part's projection.</summary>
    public ProjectionResult Part { get; }

    /// <summary>Gets the change in the country's exports to the partner (projected − baseline).</summary>
    public Money ExportChange { get; }

    /// <summary>Gets the change in the country's imports from the partner (projected − baseline).</summary>
    public Money ImportChange { get; }

    /// <summary>Gets the change in the balance: the export change less the import change.</summary>
    public Money BalanceChange => ExportChange - ImportChange;

    /// <summary>Deconstructs into the part, the export change and the import change.</summary>
    /// <param name="part">The part's projection.</param>
    /// <param name="exportChange">The change in exports.</param>
    /// <param name="importChange">The change in imports.</param>
    public void Deconstruct(out ProjectionResult part, out Money exportChange, out Money importChange) =>
        (part, exportChange, importChange) = (Part, ExportChange, ImportChange);

    /// <summary>Returns the part's name and both changes, for example <c>Kenya: zero duty …: exports +0.00m, imports +955.82m (USD)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Part.Scenario.Name}: exports {ExportChange.Amount / 1_000_000m:+#,##0.00;-#,##0.00;0.00}m, imports {ImportChange.Amount / 1_000_000m:+#,##0.00;-#,##0.00;0.00}m ({ExportChange.Currency.Code})");
}
