using System.Diagnostics.CodeAnalysis;

namespace TradeBalance;

/// <summary>
/// A Harmonized System commodity code: a chapter (2 digits), heading (4), subheading (6), or a
/// national tariff line that extends a subheading (8 or 10 digits).
/// </summary>
/// <remarks>
/// <para>Parsing accepts <c>0902</c>, <c>0902.40</c>, <c>090240</c> and <c>0902.40.90</c>: dots are
/// ignored, leading zeros are significant (<c>902</c> is rejected: spreadsheets drop the zero of
/// chapters 01–09, and guessing would mis-file the flow).</para>
/// <para><see cref="Total"/> (<c>TOTAL</c>, as UN Comtrade writes it) is the root above every chapter:
/// all goods. Bilateral totals are flows at this code.</para>
/// <para>Codes form a hierarchy: <see cref="Contains(HsCode)"/> is true when this code is a prefix of
/// the other (a heading contains its subheadings), which is a partial order.</para>
/// <para>Equality and ordering are those of the digit string.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record HsCode : IComparable<HsCode>
{
    // Codes key the dictionaries behind data sets, schedules and results: hash the digits once.
    private readonly int _hash;

    private HsCode(string digits)
    {
        Digits = digits;
        _hash = string.GetHashCode(digits, StringComparison.Ordinal);
    }

    /// <summary>Gets the root of the hierarchy: all goods (<c>TOTAL</c>, no digits).</summary>
    public static HsCode Total { get; } = new(string.Empty);

    /// <summary>Gets the code's digits without separators, for example <c>090240</c>; empty for <see cref="Total"/>.</summary>
    public string Digits { get; }

    /// <summary>Gets the number of digits: 2, 4, 6, 8 or 10; 0 for <see cref="Total"/>.</summary>
    public int Length => Digits.Length;

    /// <summary>Gets a value indicating whether this is <see cref="Total"/>, all goods.</summary>
    public bool IsTotal => Length == 0;

    /// <summary>Gets the 2-digit chapter this code belongs to (itself for a chapter), or null for <see cref="Total"/>.</summary>
    public HsCode? Chapter => Length < 2 ? null : Length == 2 ? this : new HsCode(Digits[..2]);

    /// <summary>Gets the 4-digit heading, or null when this code is a chapter.</summary>
    public HsCode? Heading => Length < 4 ? null : Length == 4 ? this : new HsCode(Digits[..4]);

    /// <summary>Gets the 6-digit subheading, or null when this code is a chapter or heading.</summary>
    public HsCode? Subheading => Length < 6 ? null : Length == 6 ? this : new HsCode(Digits[..6]);

    /// <summary>Gets the code one level up (subheading → heading → chapter → <see cref="Total"/>), or null for <see cref="Total"/>.</summary>
    public HsCode? Parent => Length == 0 ? null : Length == 2 ? Total : new HsCode(Digits[..(Length - 2)]);

    /// <summary>Gets a value indicating whether this is a national line (8 or 10 digits) beyond the international 6.</summary>
    public bool IsNationalLine => Length > 6;

    /// <summary>Returns true when <paramref name="other"/> is this code or lies below it in the hierarchy.</summary>
    /// <param name="other">The code to test.</param>
    /// <returns>True when this code's digits are a prefix of the other's.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public bool Contains(HsCode other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Digits.StartsWith(Digits, StringComparison.Ordinal);
    }

    /// <summary>Parses an HS code; see the type remarks for the accepted forms.</summary>
    /// <param name="text">The code.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not 2, 4, 6, 8 or 10 digits (dots aside); the message names it.</exception>
    public static HsCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var code) ? code : throw new FormatException(Explain(text));
    }

    /// <summary>Tries to parse an HS code; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The code.</param>
    /// <param name="code">The code, when the method returns true.</param>
    /// <returns>True when the text is a valid code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out HsCode? code)
    {
        code = null;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Equals("TOTAL", StringComparison.OrdinalIgnoreCase))
        {
            code = Total;
            return true;
        }

        Span<char> digits = stackalloc char[10];
        var n = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '.')
            {
                // A dot may only separate pairs of digits (09.02, 0902.40), never lead, trail, repeat or split a pair.
                if (i == 0 || i == span.Length - 1 || span[i - 1] == '.' || n % 2 != 0)
                {
                    return false;
                }

                continue;
            }

            if (!char.IsAsciiDigit(c) || n == 10)
            {
                return false;
            }

            digits[n++] = c;
        }

        if (n is not (2 or 4 or 6 or 8 or 10))
        {
            return false;
        }

        code = new HsCode(new string(digits[..n]));
        return true;
    }

    /// <summary>Returns the digits without separators, for example <c>090240</c>, or <c>TOTAL</c>.</summary>
    /// <returns>The digit string.</returns>
    public override string ToString() => IsTotal ? "TOTAL" : Digits;

    /// <summary>Returns a hash code of the digits.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _hash;

    /// <summary>Returns true when both codes have the same digits.</summary>
    /// <param name="other">The other code.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(HsCode? other) => other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && string.Equals(Digits, other.Digits, StringComparison.Ordinal)));

    /// <summary>Returns the dotted form, for example <c>0902.40</c> or <c>0902.40.90</c>.</summary>
    /// <returns>The heading, then each further pair of digits after a dot.</returns>
    public string ToDottedString() => Length <= 4 ? ToString() : Digits[..4] + "." + string.Join('.', Enumerable.Range(0, (Length - 4) / 2).Select(i => Digits.Substring(4 + (2 * i), 2)));

    /// <summary>Compares the digit strings ordinally (a heading sorts before its subheadings).</summary>
    /// <param name="other">The other code.</param>
    /// <returns>The ordinal comparison; null sorts first.</returns>
    public int CompareTo(HsCode? other) => other is null ? 1 : string.CompareOrdinal(Digits, other.Digits);

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts before the second.</returns>
    public static bool operator <(HsCode? left, HsCode? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts before the second or equals it.</returns>
    public static bool operator <=(HsCode? left, HsCode? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts after the second.</returns>
    public static bool operator >(HsCode? left, HsCode? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Compares two values by <see cref="CompareTo"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when the first sorts after the second or equals it.</returns>
    public static bool operator >=(HsCode? left, HsCode? right) => left is null ? right is null : left.CompareTo(right) >= 0;

    private static string Explain(string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        var hint = digits is 1 or 3 or 5 ? " (a leading zero may have been dropped: chapters 01–09 need it, e.g. 0902 not 902)" : string.Empty;
        return $"'{text}' is not a Harmonized System code: expected TOTAL or 2, 4, 6, 8 or 10 digits, dots allowed between groups{hint}.";
    }
}
