using System.Globalization;

namespace TradeBalance.Data.Internal;

/// <summary>
/// What the CSV and JSON readers say about a number's text alike: a non-zero number that reads as zero, and a
/// value outside the numeric domain, with its bounds in short form.
/// </summary>
internal static class NumberText
{
    /// <summary>The message for a non-zero number that reads as zero.</summary>
    public const string Underflow = "is too small to hold: a non-zero number below 1E-28 would read as 0";

    /// <summary>True when number text has a non-zero digit before any exponent (so a parse that gave 0 lost it).</summary>
    public static bool Underflows(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is 'e' or 'E')
            {
                return false;
            }

            if (c is >= '1' and <= '9')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The message for a value outside 0 or [min, max].</summary>
    public static string OutsideAmount(decimal minPositive, decimal max, string unit, string? scaling = null) =>
        $"is outside the numeric domain{scaling}: it must be 0, or from {Short(minPositive)} to {Short(max)} {unit} (docs/numeric-domain.md)";

    /// <summary>The message for a value outside [min, max] (tariff rates, exchange rates).</summary>
    public static string OutsideRange(decimal min, decimal max, string unit) =>
        $"is outside the numeric domain: it must be from {Short(min)} to {Short(max)} {unit} (docs/numeric-domain.md)";

    /// <summary>A bound in short form: <c>1E+15</c>, <c>1E-06</c>, <c>10000</c>.</summary>
    public static string Short(decimal v) => ((double)v).ToString("G6", CultureInfo.InvariantCulture);
}
