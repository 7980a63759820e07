using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>How a scenario changes the beneficiaries' tariff: a new rate, a cut in percentage points, or a proportional (linear) cut.</summary>
/// <remarks>The result is never below zero: a cut deeper than the rate gives 0 %.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record TariffChange
{
    private TariffChange(TariffChangeKind kind, decimal value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Gets the kind of change.</summary>
    public TariffChangeKind Kind { get; }

    /// <summary>Gets the value: the new rate or the cut in points (percent), or the cut in percent of the rate.</summary>
    public decimal Value { get; }

    /// <summary>A new rate, whatever the rate before (a higher rate is a tariff increase).</summary>
    /// <param name="rate">The new rate.</param>
    /// <returns>The change.</returns>
    public static TariffChange NewRate(TariffRate rate) => new(TariffChangeKind.NewRate, rate.Percent);

    /// <summary>A cut by a number of percentage points (negative raises the rate).</summary>
    /// <param name="points">The cut, for example 5 for 15 % → 10 %; from −10,000 to 10,000 (<see cref="NumericDomain.MaxTariffPercent"/>).</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is outside ±10,000; the message names it.</exception>
    public static TariffChange CutPoints(decimal points) =>
        Math.Abs(points) > NumericDomain.MaxTariffPercent
            ? throw new ArgumentOutOfRangeException(nameof(points), points, $"A cut in points must be within ±{NumericDomain.MaxTariffPercent.ToString("#,##0", CultureInfo.InvariantCulture)}; got {points.ToString(CultureInfo.InvariantCulture)}.")
            : new(TariffChangeKind.CutPoints, points);

    /// <summary>A linear cut by a percentage of the rate (WITS's "linear cut"): 80 turns 15 % into 3 %.</summary>
    /// <param name="percent">The cut, 0–100.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside 0–100.</exception>
    public static TariffChange CutPercent(decimal percent) =>
        percent is < 0m or > 100m
            ? throw new ArgumentOutOfRangeException(nameof(percent), percent, $"A linear cut is a percentage from 0 to 100; got {percent.ToString(CultureInfo.InvariantCulture)}.")
            : new(TariffChangeKind.CutPercent, percent);

    /// <summary>Applies the change to a rate.</summary>
    /// <param name="before">The rate before.</param>
    /// <returns>The rate after, at least 0 %.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative cut in points takes the rate above 10,000 % (<see cref="NumericDomain.MaxTariffPercent"/>); the message names the rate.</exception>
    public TariffRate Apply(TariffRate before) => Kind switch
    {
        TariffChangeKind.NewRate => new TariffRate(Value),
        TariffChangeKind.CutPoints => new TariffRate(Math.Max(0m, before.Percent - Value)),
        _ => new TariffRate(before.Percent * (100m - Value) / 100m),
    };

    /// <summary>Returns <c>new rate 0%</c>, <c>cut 5 points</c> or <c>cut 80%</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        TariffChangeKind.NewRate => $"new rate {new TariffRate(Value)}",
        TariffChangeKind.CutPoints => $"cut {Value.ToString(CultureInfo.InvariantCulture)} points",
        _ => $"cut {Value.ToString(CultureInfo.InvariantCulture)}%",
    };
}
