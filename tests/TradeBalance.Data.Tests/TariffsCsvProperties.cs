using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Data.Tests;

[Properties(Arbitrary = [typeof(DataArbitraries)], MaxTest = 200)]
public class TariffsCsvProperties
{
    [Property]
    public void Write_then_read_gives_an_equal_schedule(TariffSchedule schedule)
    {
        var text = new StringWriter();
        TariffsCsv.Write(schedule, text);
        if (schedule.Lines.IsEmpty)
        {
            // No rows, so no importer to find: reading names the problem.
            Assert.Throws<TradeDataException>(() => TariffsCsv.Read(new StringReader(text.ToString()), "tariffs.csv"));
            return;
        }

        var (back, _) = TariffsCsv.Read(new StringReader(text.ToString()), "tariffs.csv");
        Assert.Equal(schedule.Importer, back.Importer);
        Assert.Equal(schedule.Lines, back.Lines);
    }

    [Property]
    public void Read_schedules_answer_every_query_like_the_original(TariffSchedule schedule)
    {
        if (schedule.Lines.IsEmpty)
        {
            return;
        }

        var text = new StringWriter();
        TariffsCsv.Write(schedule, text);
        var back = TariffsCsv.Read(new StringReader(text.ToString()), "tariffs.csv").Value;
        foreach (var line in schedule.Lines)
        {
            foreach (var exporter in line.Regime.IsMfn ? [Countries.Kenya] : line.Regime.Partners)
            {
                var date = line.Validity.Start;
                Assert.Equal(schedule.TryRateFor(exporter, line.Hs, date, out var a), back.TryRateFor(exporter, line.Hs, date, out var b));
                Assert.Equal(a?.Rate, b?.Rate);
            }
        }
    }
}
