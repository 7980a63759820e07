using Xunit;

namespace TradeBalance.Data.Tests;

public class BilateralTotalsCsvTests
{
    [Fact]
    public void The_embedded_totals_read_typed_and_round_trip()
    {
        var totals = KenyaChina.BilateralTotals;
        // The default 2024 basis: KNBS Jan-Sep 2024 annualised (KES 19.3bn x 12/9 / 134.82).
        var exports = totals.Single(t => t.Year == 2024 && t.Basis == "kenya-reported" && t.IsFullYear && t.Exporter.Equals(Countries.Kenya));
        Assert.Equal(new Money(190_872_000m, Currency.Usd), exports.Value);
        Assert.True(exports.IsFullYear);
        var q1 = totals.First(t => t.Period == "jan-mar");
        Assert.Equal((1, 3), (q1.FirstMonth, q1.LastMonth));
        Assert.Equal(Currency.Kes, q1.Value.Currency);

        var w = new StringWriter();
        BilateralTotalsCsv.Write(totals, w);
        Assert.Equal(totals, BilateralTotalsCsv.Read(new StringReader(w.ToString()), "b.csv").Value);
    }

    [Fact]
    public void File_round_trip_and_detection()
    {
        using var dir = Fixtures.TempDir();
        var path = dir.File("bilateral-totals.csv.gz");
        BilateralTotalsCsv.Write(KenyaChina.BilateralTotals, path);
        Assert.Equal(TradeFileFormat.BilateralTotals, TradeFile.Detect(path));
        Assert.Equal(KenyaChina.BilateralTotals, BilateralTotalsCsv.Read(path).Value);
    }

    [Fact]
    public void BilateralTotal_validates()
    {
        var usd = new Money(1m, Currency.Usd);
        Assert.Throws<ArgumentException>(() => new BilateralTotal(2024, Countries.Kenya, Countries.Kenya, usd, "full-year", "x"));
        Assert.Throws<ArgumentException>(() => new BilateralTotal(2024, Countries.Kenya, Countries.China, usd, "sep-jan", "x"));
        Assert.Throws<ArgumentException>(() => new BilateralTotal(2024, Countries.Kenya, Countries.China, usd, "full-year", "Kenya Reported"));
        Assert.Throws<ArgumentException>(() => new BilateralTotal(2024, Countries.Kenya, Countries.China, new Money(-1m, Currency.Usd), "full-year", "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BilateralTotal(1800, Countries.Kenya, Countries.China, usd, "full-year", "x"));
        Assert.Equal("KEN→CHN 2024 jan-sep USD 1.00 (kenya-reported)", new BilateralTotal(2024, Countries.Kenya, Countries.China, usd, "jan-sep", "kenya-reported").ToString());
    }
}
