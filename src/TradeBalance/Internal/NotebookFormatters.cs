using System.Diagnostics.CodeAnalysis;
using TradeBalance.Projections;

namespace TradeBalance.Internal;

/// <summary>
/// Marks a type whose display in a .NET Interactive notebook <see cref="NotebookFormatters"/> provides.
/// </summary>
/// <remarks>
/// .NET Interactive looks for an attribute of this name (any namespace) on the type of a displayed
/// value, creates its <see cref="FormatterSourceType"/> and calls its <c>CreateTypeFormatters</c>:
/// a convention that needs no reference to a notebook package. The names of this attribute and of
/// its properties are that convention's, so they must not change.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicMethods)] Type formatterSourceType)
    {
        FormatterSourceType = formatterSourceType;
    }

    /// <summary>Gets the type whose <c>CreateTypeFormatters()</c> returns the formatters.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicMethods)]
    public Type FormatterSourceType { get; }

    /// <summary>Gets or sets the MIME types a notebook shows, best first.</summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "The notebook convention reads a string[] property of this name.")]
    public string[]? PreferredMimeTypes { get; set; }
}

/// <summary>
/// The notebook formatters of the results: a compact HTML table, the same as <c>ToHtml()</c> (at most
/// <see cref="ResultDocuments.NotebookMarkets"/> markets of a large projection), and plain text.
/// </summary>
/// <remarks>Created by .NET Interactive through <see cref="TypeFormatterSourceAttribute"/>; nothing in the library calls it.</remarks>
[SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Created by .NET Interactive through TypeFormatterSourceAttribute.")]
internal sealed class NotebookFormatters
{
    /// <summary>The MIME types a notebook shows for a result, best first.</summary>
    public const string Html = "text/html";

    public const string Plain = "text/plain";

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The notebook convention calls an instance method.")]
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new NotebookFormatter(typeof(ProjectionResult), Html, v => ResultDocuments.Of((ProjectionResult)v, ResultDocuments.NotebookMarkets).ToHtml()),
        new NotebookFormatter(typeof(ProjectionResult), Plain, v => v.ToString() ?? string.Empty),
        new NotebookFormatter(typeof(BalanceProjection), Html, v => ((BalanceProjection)v).ToHtml()),
        new NotebookFormatter(typeof(BalanceProjection), Plain, v => v.ToString() ?? string.Empty),
        new NotebookFormatter(typeof(MonteCarloResult), Html, v => ResultDocuments.Of((MonteCarloResult)v, ResultDocuments.NotebookMarkets).ToHtml()),
        new NotebookFormatter(typeof(MonteCarloResult), Plain, v => ResultDocuments.Of((MonteCarloResult)v, ResultDocuments.NotebookMarkets).ToMarkdown()),
        new NotebookFormatter(typeof(ProjectionPath), Html, v => ((ProjectionPath)v).ToHtml()),
        new NotebookFormatter(typeof(ProjectionPath), Plain, v => ((ProjectionPath)v).ToMarkdown()),
        new NotebookFormatter(typeof(ProjectionSummary), Html, v => ((ProjectionSummary)v).ToHtml()),
        new NotebookFormatter(typeof(ProjectionSummary), Plain, v => ((ProjectionSummary)v).ToMarkdown()),
    ];
}

/// <summary>One formatter in the shape .NET Interactive's convention reads: <c>Type</c>, <c>MimeType</c> and <c>bool Format(object, TextWriter)</c>.</summary>
internal sealed class NotebookFormatter(Type type, string mimeType, Func<object, string> render)
{
    public Type Type { get; } = type;

    public string MimeType { get; } = mimeType;

    /// <summary>Writes the value when it is of <see cref="Type"/>; returns false otherwise, so another formatter can try.</summary>
    public bool Format(object value, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null || !Type.IsInstanceOfType(value))
        {
            return false;
        }

        writer.Write(render(value));
        return true;
    }
}
