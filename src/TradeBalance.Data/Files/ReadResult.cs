namespace TradeBalance.Data;

/// <summary>What a reader returns: the value it built and the <see cref="ReadReport"/> of how it built it.</summary>
/// <typeparam name="T">The value's type, for example <see cref="TradeDataSet"/>.</typeparam>
/// <remarks>Deconstructs: <c>var (flows, report) = BaciReader.Read("BACI_HS17_Y2022_V202401b.csv");</c>.</remarks>
/// <threadsafety>This type is immutable and thread-safe when <typeparamref name="T"/> is.</threadsafety>
public sealed class ReadResult<T>
{
    /// <summary>Creates a result.</summary>
    /// <param name="value">The value read.</param>
    /// <param name="report">How it was read.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ReadResult(T value, ReadReport report)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(report);
        Value = value;
        Report = report;
    }

    /// <summary>Gets the value read.</summary>
    public T Value { get; }

    /// <summary>Gets the report: rows read, kept and skipped by rule, units applied.</summary>
    public ReadReport Report { get; }

    /// <summary>Deconstructs into value and report.</summary>
    /// <param name="value">The value read.</param>
    /// <param name="report">The report.</param>
    public void Deconstruct(out T value, out ReadReport report)
    {
        value = Value;
        report = Report;
    }
}
