using NodaTime;
using NodaTime.Text;

namespace TradeBalance;

/// <summary>
/// One period of a country's membership of a <see cref="CountryGroup"/>: from <see cref="Joined"/> to
/// <see cref="Left"/>, both inclusive.
/// </summary>
/// <remarks>A country that left and joined again has two memberships; they may not overlap.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record GroupMembership
{
    /// <summary>Creates a membership.</summary>
    /// <param name="member">The member: an ISO 3166-1 country, not an aggregate.</param>
    /// <param name="joined">The first day of membership; null when it is open (a member for as long as the data reach back).</param>
    /// <param name="left">The last day of membership, inclusive; null while it lasts.</param>
    /// <param name="source">Where the dates come from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="member"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">The member is an aggregate, or it left before it joined.</exception>
    public GroupMembership(Country member, LocalDate? joined = null, LocalDate? left = null, string source = "")
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(source);
        if (member.IsAggregate)
        {
            throw new ArgumentException($"{member.Alpha3} is an aggregate; a group's members are ISO countries.", nameof(member));
        }

        if (joined is { } j && left is { } l && l < j)
        {
            throw new ArgumentException($"{member.Alpha3} leaves on {LocalDatePattern.Iso.Format(l)}, before it joins on {LocalDatePattern.Iso.Format(j)}.", nameof(left));
        }

        Member = member;
        Joined = joined;
        Left = left;
        Source = source;
    }

    /// <summary>Gets the member country.</summary>
    public Country Member { get; }

    /// <summary>Gets the first day of membership; null when open.</summary>
    public LocalDate? Joined { get; }

    /// <summary>Gets the last day of membership, inclusive; null while it lasts.</summary>
    public LocalDate? Left { get; }

    /// <summary>Gets where the dates come from.</summary>
    public string Source { get; }

    /// <summary>Tells whether the country is a member on a day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>True when <paramref name="date"/> lies between <see cref="Joined"/> and <see cref="Left"/>, both inclusive.</returns>
    public bool Covers(LocalDate date) => (Joined is not { } j || j <= date) && (Left is not { } l || date <= l);

    /// <summary>Tells whether two memberships share a day.</summary>
    internal bool Overlaps(GroupMembership other) =>
        (Joined is not { } a || other.Left is not { } b || a <= b) && (other.Joined is not { } c || Left is not { } d || c <= d);

    /// <summary>Returns the member and the period, for example <c>GBR 1973-01-01..2020-01-31</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Member.Alpha3} {(Joined is { } j ? LocalDatePattern.Iso.Format(j) : "…")}..{(Left is { } l ? LocalDatePattern.Iso.Format(l) : "…")}";
}
