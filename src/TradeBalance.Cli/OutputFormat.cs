using TradeBalance.Data;

namespace TradeBalance.Cli;

/// <summary>How a result leaves the tool: <c>--format</c>, or an <c>--output</c> file's extension.</summary>
internal enum OutputFormat
{
    /// <summary>The human table and summary (the default; standard output only).</summary>
    Table,

    /// <summary>The rows as CSV.</summary>
    Csv,

    /// <summary>The rows and the summary as JSON.</summary>
    Json,

    /// <summary>The rows as Parquet (binary).</summary>
    Parquet,
}

/// <summary>
/// <c>--format</c> and <c>--output</c> parsed and checked once, before any file is read: what is printed and what,
/// if anything, is saved.
/// </summary>
/// <param name="Printed">What standard output gets.</param>
/// <param name="Path">The <c>--output</c> file, or null.</param>
internal sealed record OutputRequest(OutputFormat Printed, string? Path)
{
    /// <summary>Gets how CSV text cells are written (<c>--raw-text</c>); by default formula-leading text is neutralised.</summary>
    public CsvWriteOptions Csv { get; init; } = CsvWriteOptions.Default;

    /// <summary>Gets the format of the <c>--output</c> file (by its extension), or null without one.</summary>
    public OutputFormat? Saved => Path is null ? null : ResultOutput.FormatOf(Path);

    /// <summary>Gets a value indicating whether the run shows the summary with its bands: the table, or JSON printed or saved.</summary>
    public bool ShowsSummary => Printed is OutputFormat.Table or OutputFormat.Json || Saved == OutputFormat.Json;

    /// <summary>Gets a value indicating whether Parquet goes to the <c>--output</c> file only, with nothing printed.</summary>
    public bool ParquetToFileOnly => Printed == OutputFormat.Parquet && Saved == OutputFormat.Parquet;
}
