using System.Globalization;

namespace TradeBalance.Projections;

/// <summary>
/// The states a result can hold, checked where a result record is built or copied with <c>with</c>,
/// so no caller can make one the models never produce: a negative value or a share that is NaN or
/// outside [0, 1].
/// </summary>
internal static class ResultChecks
{
    // Shares are quotients of non-negative sums: a rounding step past 0 or 1 is not an error.
    private const double ShareSlack = 1e-12;

    public static Money NotNegative(Money value, string name) =>
        value.Amount >= 0m
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} cannot be negative; got {value}.");

    public static double Share(double value, string name) =>
        value is >= -ShareSlack and <= 1d + ShareSlack
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a share in [0, 1]; got {value.ToString("R", CultureInfo.InvariantCulture)}.");

    public static PercentileBand<Money> Band(PercentileBand<Money> band, string name) =>
        NotNegative(band.P5, name).Amount <= band.P50.Amount && band.P50.Amount <= band.P95.Amount
            ? band
            : throw new ArgumentOutOfRangeException(name, band, $"{name} must hold P5 ≤ P50 ≤ P95, each not negative; got {band}.");

    public static PercentileBand<double> ShareBand(PercentileBand<double> band, string name) =>
        Share(band.P5, name) <= Share(band.P50, name) && band.P50 <= Share(band.P95, name)
            ? band
            : throw new ArgumentOutOfRangeException(name, band, $"{name} must hold shares P5 ≤ P50 ≤ P95; got {band}.");
}
