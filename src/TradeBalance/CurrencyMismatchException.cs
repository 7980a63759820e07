namespace TradeBalance;

/// <summary>
/// Thrown when an operation combines amounts in two different currencies, for example adding KES
/// to USD. TradeBalance never converts silently: convert explicitly with an <see cref="ExchangeRate"/>.
/// </summary>
public sealed class CurrencyMismatchException : ArgumentException
{
    /// <summary>Creates the exception for the two currencies involved.</summary>
    /// <param name="expected">The currency the operation works in.</param>
    /// <param name="actual">The other currency it was given.</param>
    public CurrencyMismatchException(Currency expected, Currency actual)
        : base($"Currency mismatch: {expected?.Code} and {actual?.Code} cannot be combined without an explicit exchange rate.")
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Gets the currency the operation works in.</summary>
    public Currency Expected { get; }

    /// <summary>Gets the other currency it was given.</summary>
    public Currency Actual { get; }
}
