using TradeBalance.Internal;

namespace TradeBalance.Projections;

/// <summary>A bilateral balance before and after a projection.</summary>
/// <param name="Before">The baseline balance.</param>
/// <param name="After">The projected balance.</param>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
[TypeFormatterSource(typeof(NotebookFormatters), PreferredMimeTypes = new[] { NotebookFormatters.Html, NotebookFormatters.Plain })]
public sealed record BalanceProjection(BilateralBalance Before, BilateralBalance After)
{
    /// <summary>Gets the change in the balance (after − before).</summary>
    public Money Change => After.Balance - Before.Balance;

    /// <summary>Returns the balance as HTML: a compact <c>&lt;table&gt;</c> of exports, imports, balance and export/import ratio, before, after and change, in minor units, culture-invariant, with every name and note HTML-escaped. A .NET Interactive notebook shows this when it displays the value.</summary>
    /// <returns>A well-formed XHTML fragment (one <c>&lt;div&gt;</c>).</returns>
    public string ToHtml() => ResultDocuments.Of(this).ToHtml();

    /// <summary>Returns the balance as Markdown: the same tables as <see cref="ToHtml"/>, with every name and note Markdown-escaped.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => ResultDocuments.Of(this).ToMarkdown();

    /// <summary>Returns two lines, before and after.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => $"before: {Before}{Environment.NewLine}after:  {After}";
}
