using Parquet;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// <see cref="OutputTable"/>, the one tabular shape of a result, and its CSV and Parquet writers:
/// value equality, no NaN, CSV quoting, and Parquet round trips through Parquet.Net.
/// </summary>
public class OutputTableTests
{
    private static OutputTable Sample(string text = "a,\"b\"\nc") => new(
        "sample",
        [
            OutputColumn.Text("hs", "HS code", "A code.", ["0902", null, text]),
            OutputColumn.WholeNumber("year", "calendar year", "A year.", [2024, null, -1]),
            OutputColumn.ExactNumber("usd", "USD", "Money.", [1234567.891m, null, -0.5m]),
            OutputColumn.FloatingPoint("share", "fraction", "A share.", [0.1, null, 1e-300]),
        ]);

    [Fact]
    public void Tables_with_the_same_columns_and_values_are_equal()
    {
        Assert.Equal(Sample(), Sample());
        Assert.Equal(Sample().GetHashCode(), Sample().GetHashCode());
        Assert.NotEqual(Sample(), Sample("other"));
        Assert.Equal(3, Sample().RowCount);
        Assert.Equal("0902", Sample()["hs"][0]);
        Assert.Null(Sample()["usd"][1]);
    }

    [Fact]
    public void A_column_refuses_NaN_and_infinities_and_a_table_refuses_ragged_or_repeated_columns()
    {
        Assert.Throws<ArgumentException>(() => OutputColumn.FloatingPoint("x", "u", "m", [double.NaN]));
        Assert.Throws<ArgumentException>(() => OutputColumn.FloatingPoint("x", "u", "m", [double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => new OutputTable("t", [OutputColumn.WholeNumber("a", "u", "m", [1]), OutputColumn.WholeNumber("b", "u", "m", [1, 2])]));
        Assert.Throws<ArgumentException>(() => new OutputTable("t", [OutputColumn.WholeNumber("a", "u", "m", [1]), OutputColumn.WholeNumber("a", "u", "m", [1])]));
        Assert.Throws<ArgumentException>(() => new OutputTable("t", []));
    }

    [Fact]
    public void Csv_quotes_what_must_be_quoted_writes_null_as_empty_and_is_culture_invariant()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var w = new StringWriter();
            OutputTableCsv.Write(Sample(), w);
            Assert.Equal("hs,year,usd,share\n0902,2024,1234567.891,0.1\n,,,\n\"a,\"\"b\"\"\nc\",-1,-0.5,1E-300\n", w.ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Parquet_round_trips_through_Parquet_Net_with_typed_columns_and_nulls()
    {
        using var stream = new MemoryStream();
        OutputTableParquet.Write(Sample(), stream);
        stream.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
        var fields = reader.Schema.DataFields;
        Assert.Equal(["hs", "year", "usd", "share"], fields.Select(f => f.Name));
        Assert.Equal("sample", reader.CustomMetadata["tradebalance.table"]);
        Assert.Equal("USD", reader.CustomMetadata["tradebalance.unit.usd"]);
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(3, group.RowCount);

        var hs = new string?[3];
        await group.ReadAsync(fields[0], hs.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["0902", null, "a,\"b\"\nc"], hs);
        var year = new int?[3];
        await group.ReadAsync<int>(fields[1], year.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([2024, null, -1], year);
        var usd = new double?[3];
        await group.ReadAsync<double>(fields[2], usd.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([1234567.891, null, -0.5], usd);
        var share = new double?[3];
        await group.ReadAsync<double>(fields[3], share.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([0.1, null, 1e-300], share);
    }

    [Fact]
    public void An_empty_table_writes_a_header_and_a_valid_parquet_file()
    {
        var empty = new OutputTable("empty", [OutputColumn.Text("hs", "u", "m", [])]);
        var w = new StringWriter();
        OutputTableCsv.Write(empty, w);
        Assert.Equal("hs\n", w.ToString());
        using var stream = new MemoryStream();
        OutputTableParquet.Write(empty, stream);
        Assert.True(stream.Length > 8);
    }

    [Fact]
    public void The_projection_table_is_the_projection_csv_then_the_elasticities_and_the_scenario()
    {
        var result = ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));
        var table = ResultTables.Projection(result);
        Assert.Equal([.. ProjectionCsv.Columns, "eta", "sigma", "eps", "elasticity_sources", "scenario"], table.Columns.Select(c => c.Name));

        var legacy = new StringWriter();
        ProjectionCsv.Write(result, legacy);
        var generic = new StringWriter();
        OutputTableCsv.Write(new OutputTable("projection", table.Columns.Take(ProjectionCsv.Columns.Count)), generic);
        Assert.Equal(legacy.ToString(), generic.ToString());
        Assert.Equal(result.Rows.Length, table.RowCount);
    }

    [Fact]
    public async Task A_path_and_a_monte_carlo_run_tabulate_every_row()
    {
        var inputs = new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs);
        var path = ProjectionModel.Smart.ProjectStages(inputs, 2026, 2028);
        var pathTable = ResultTables.Path(path);
        Assert.Equal(path.Points.Sum(p => p.Result.Rows.Length), pathTable.RowCount);
        Assert.Equal(["year", "stage"], pathTable.Columns.Take(2).Select(c => c.Name));

        var run = ProjectionModel.Smart.MonteCarlo(inputs, new MonteCarloSettings(20, 1, 0.5), cancellationToken: TestContext.Current.CancellationToken);
        var mc = ResultTables.MonteCarlo(run);
        Assert.Equal(run.Rows.Length, mc.RowCount);

        using var file = new MemoryStream();
        OutputTableParquet.Write(mc, file);
        file.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(mc.Columns.Select(c => c.Name), reader.Schema.DataFields.Select(f => f.Name));
        Assert.Equal(mc.RowCount, reader.RowGroups.Sum(g => g.RowCount));
    }
}
