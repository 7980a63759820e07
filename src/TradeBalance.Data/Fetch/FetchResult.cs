namespace TradeBalance.Data.Fetch;

/// <summary>What a download returns: the data as the readers build it, the reader's report, and the <see cref="FetchSummary"/>.</summary>
/// <typeparam name="T">The data's type.</typeparam>
/// <threadsafety>This type is immutable and thread-safe when <typeparamref name="T"/> is.</threadsafety>
public sealed class FetchResult<T>
{
    internal FetchResult(T value, ReadReport report, FetchSummary summary)
    {
        Value = value;
        Report = report;
        Summary = summary;
    }

    /// <summary>Gets the data.</summary>
    public T Value { get; }

    /// <summary>Gets the reader's report: rows read, kept and skipped by rule.</summary>
    public ReadReport Report { get; }

    /// <summary>Gets what the download did.</summary>
    public FetchSummary Summary { get; }
}
