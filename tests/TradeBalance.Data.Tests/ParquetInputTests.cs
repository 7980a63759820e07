using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using TradeBalance.Synthetic;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// Parquet written by an independent writer (DuckDB, as researchers convert BACI) reads to exactly the data set the CSV of the
/// same data gives, whatever types the converter chose: codes as text or as whole numbers (leading zero lost), values as
/// DOUBLE, FLOAT or DECIMAL, nullable columns, several row groups, dictionary encoding.
/// </summary>
public sealed class ParquetInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tb-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Canonical flows: HS codes with leading zeros, values with up to two decimals, some quantities missing.</summary>
    private string FlowsCsv(int rows)
    {
        var codes = Country.All.Where(c => !c.IsAggregate).Select(c => c.Alpha3).Order(StringComparer.Ordinal).Take(40).ToArray();
        var rng = new Random(7);
        var sb = new StringBuilder("year,exporter,importer,hs,value_usd,quantity_kg,source\n");
        var seen = new HashSet<(string, string, int)>();
        while (seen.Count < rows)
        {
            var e = codes[rng.Next(codes.Length)];
            var i = codes[rng.Next(codes.Length)];
            var hs = 10_000 + rng.Next(960_000);
            if (e == i || !seen.Add((e, i, hs)))
            {
                continue;
            }

            var v = Math.Round(rng.NextDouble() * 1e7, 2).ToString("0.##", CultureInfo.InvariantCulture);
            var q = rng.Next(10) == 0 ? string.Empty : rng.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"2023,{e},{i},{hs:D6},{v},{q},test\n");
        }

        var path = Path.Combine(_dir, "flows.csv");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static void DuckDb(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string Convert(string csv, string columns, string select, int rowGroup, string name)
    {
        var parquet = Path.Combine(_dir, name);
        DuckDb($"COPY (SELECT {select} FROM read_csv('{csv}', header = true, nullstr = ['NA', '   NA', ''], columns = {{{columns}}})) TO '{parquet}' (FORMAT parquet, ROW_GROUP_SIZE {rowGroup})");
        return parquet;
    }

    private const string FlowColumns = "'year': 'INTEGER', 'exporter': 'VARCHAR', 'importer': 'VARCHAR', 'hs': 'VARCHAR', 'value_usd': 'VARCHAR', 'quantity_kg': 'VARCHAR', 'source': 'VARCHAR'";

    public static TheoryData<string, string> FlowTypes => new()
    {
        { "text codes, DOUBLE values", "year, exporter, importer, hs, CAST(value_usd AS DOUBLE) AS value_usd, CAST(quantity_kg AS DOUBLE) AS quantity_kg, source" },
        { "HS as INTEGER (leading zero lost), BIGINT year, FLOAT quantity", "CAST(year AS BIGINT) AS year, exporter, importer, CAST(hs AS INTEGER) AS hs, CAST(value_usd AS DOUBLE) AS value_usd, CAST(quantity_kg AS FLOAT) AS quantity_kg, source" },
        { "HS as BIGINT, DECIMAL values, columns reordered", "source, CAST(value_usd AS DECIMAL(18, 2)) AS value_usd, CAST(hs AS BIGINT) AS hs, importer, exporter, year, CAST(quantity_kg AS DECIMAL(18, 0)) AS quantity_kg" },
        { "every column text", "CAST(year AS VARCHAR) AS year, exporter, importer, hs, value_usd, quantity_kg, source" },
    };

    [Theory]
    [MemberData(nameof(FlowTypes))]
    public void DuckDB_flows_read_as_the_CSV_does(string variant, string select)
    {
        var csv = FlowsCsv(3_000);
        var parquet = Convert(csv, FlowColumns, select, 1_000, "flows.parquet");
        var expected = global::TradeBalance.Data.FlowsCsv.Read(csv);
        var actual = TradeFile.ReadFlows(parquet);
        Assert.True(expected.Value.Flows.SequenceEqual(actual.Value.Flows), variant);
        if (!variant.Contains("DECIMAL", StringComparison.Ordinal))
        {
            SameFlows.AssertIdentical(expected.Value, actual.Value);
        }

        Assert.Equal(TradeFileFormat.Flows, TradeFile.Detect(parquet));
        Assert.Equal(3_000, actual.Report.RowsRead);
        Assert.Equal(3_000, actual.Report.RowsKept);
    }

    public static TheoryData<string, string> BaciTypes => new()
    {
        { "k as text, i/j INTEGER, v/q DOUBLE", "CAST(t AS INTEGER) AS t, CAST(i AS INTEGER) AS i, CAST(j AS INTEGER) AS j, k, CAST(v AS DOUBLE) AS v, CAST(q AS DOUBLE) AS q" },
        { "k as INTEGER (leading zero lost), i/j BIGINT", "CAST(t AS BIGINT) AS t, CAST(i AS BIGINT) AS i, CAST(j AS BIGINT) AS j, CAST(k AS INTEGER) AS k, CAST(v AS DOUBLE) AS v, CAST(q AS DOUBLE) AS q" },
        { "k as BIGINT, v/q DECIMAL, i/j SMALLINT", "CAST(t AS SMALLINT) AS t, CAST(i AS SMALLINT) AS i, CAST(j AS SMALLINT) AS j, CAST(k AS BIGINT) AS k, CAST(v AS DECIMAL(18, 3)) AS v, CAST(q AS DECIMAL(18, 3)) AS q" },
    };

    [Theory]
    [MemberData(nameof(BaciTypes))]
    public void DuckDB_BACI_reads_as_the_CSV_does(string variant, string select)
    {
        var csv = Path.Combine(_dir, "baci.csv");
        SyntheticBaci.Write(csv, 5_000);
        var parquet = Convert(csv, "'t': 'VARCHAR', 'i': 'VARCHAR', 'j': 'VARCHAR', 'k': 'VARCHAR', 'v': 'VARCHAR', 'q': 'VARCHAR'", select, 2_048, "baci.parquet");
        var options = new BaciReadOptions { Source = "BACI" };
        var expected = BaciReader.Read(csv, options);
        var actual = TradeFile.ReadFlows(parquet, baci: options);
        Assert.True(expected.Value.Flows.SequenceEqual(actual.Value.Flows), variant);
        if (!variant.Contains("DECIMAL", StringComparison.Ordinal))
        {
            SameFlows.AssertIdentical(expected.Value, actual.Value);
        }

        Assert.Equal(TradeFileFormat.Baci, TradeFile.Detect(parquet));
        Assert.Equal(expected.Report.RowsKept, actual.Report.RowsKept);
        Assert.Equal(expected.Report.Skipped, actual.Report.Skipped);
    }

    [Fact]
    public void Five_digit_k_gets_its_zero_back_as_BACI_CSV_rules_do_and_is_counted()
    {
        var csv = Path.Combine(_dir, "baci.csv");
        File.WriteAllText(csv, "t,i,j,k,v,q\n2022,4,8,010121,1.5,NA\n2022,4,8,100190,2.5,3\n");
        var parquet = Convert(csv, "'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'DOUBLE'", "*", 1, "k-int.parquet");
        var read = TradeFile.ReadFlows(parquet);
        Assert.Equal(["010121", "100190"], read.Value.Flows.Select(f => f.Hs.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(1, read.Report.Adjustments.Single(a => a.Key.Contains("5 digits", StringComparison.Ordinal)).Value);
        Assert.Equal(1500m, read.Value.Flows.Single(f => f.Hs.ToString() == "010121").Value.Amount);
        Assert.Null(read.Value.Flows.Single(f => f.Hs.ToString() == "010121").QuantityKg);
    }

    [Theory]
    [InlineData("CAST(v AS DOUBLE) * -1 AS v", "row 2 (row group 0, index 1)", "'v'", "is negative")]
    [InlineData("CASE WHEN k = '100190' THEN 'nan'::DOUBLE ELSE CAST(v AS DOUBLE) END AS v", "row 2 (row group 0, index 1)", "'NaN'", "is not a finite number")]
    [InlineData("CASE WHEN k = '100190' THEN 'inf'::DOUBLE ELSE CAST(v AS DOUBLE) END AS v", "row 2 (row group 0, index 1)", "'Infinity'", "is not a finite number")]
    [InlineData("CASE WHEN k = '100190' THEN 1e300 ELSE CAST(v AS DOUBLE) END AS v", "row 2 (row group 0, index 1)", "'1E+300'", "is not a finite number")]
    [InlineData("CASE WHEN k = '100190' THEN 1e14 ELSE CAST(v AS DOUBLE) END AS v", "row 2 (row group 0, index 1)", "'100000000000000'", "is outside the numeric domain")]
    [InlineData("CASE WHEN k = '100190' THEN NULL ELSE CAST(v AS DOUBLE) END AS v", "row 2 (row group 0, index 1)", "column 'v'", "is empty; a value is required")]
    public void A_bad_value_names_the_file_the_row_the_column_and_the_value(string value, string where, string shown, string problem)
    {
        var csv = Path.Combine(_dir, "baci.csv");
        File.WriteAllText(csv, "t,i,j,k,v,q\n2022,4,8,010121,1.5,NA\n2022,4,8,100190,2.5,3\n");
        var parquet = Convert(csv, "'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'VARCHAR', 'v': 'VARCHAR', 'q': 'DOUBLE'", $"t, i, j, k, {value.Replace("CAST(v AS DOUBLE) * -1", "CASE WHEN k = '100190' THEN -2.5 ELSE CAST(v AS DOUBLE) END", StringComparison.Ordinal)}, q", 1, "bad.parquet");
        var e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(parquet));
        Has(e, $"{parquet}: {where}: ");
        Has(e, shown);
        Has(e, problem);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Unknown_codes_out_of_range_codes_and_duplicates_are_refused_as_in_CSV()
    {
        var csv = Path.Combine(_dir, "flows.csv");
        File.WriteAllText(csv, "year,exporter,importer,hs,value_usd\n2023,KEN,CHN,090240,5\n2023,KEN,CHN,090240,6\n");
        var dup = Convert(csv, "'year': 'INTEGER', 'exporter': 'VARCHAR', 'importer': 'VARCHAR', 'hs': 'VARCHAR', 'value_usd': 'DOUBLE'", "*", 1, "dup.parquet");
        var e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(dup));
        Has(e, "row 2 (row group 0, index 1): duplicate flow KEN→CHN HS 090240 2023: row 1 has the same");

        var unknown = Convert(csv, "'year': 'INTEGER', 'exporter': 'VARCHAR', 'importer': 'VARCHAR', 'hs': 'VARCHAR', 'value_usd': 'DOUBLE'", "year, 'XXX' AS exporter, importer, hs, value_usd", 1, "unknown.parquet");
        e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(unknown));
        Has(e, "row 1 (row group 0, index 0): column 'exporter': 'XXX' is not a known country code");

        var year = Convert(csv, "'year': 'INTEGER', 'exporter': 'VARCHAR', 'importer': 'VARCHAR', 'hs': 'VARCHAR', 'value_usd': 'DOUBLE'", "year * 10 AS year, exporter, importer, hs, value_usd", 2, "year.parquet");
        e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(year));
        Has(e, "row 1 (row group 0, index 0): column 'year': '20230' is out of range (1900 to 2200)");

        var baciCsv = Path.Combine(_dir, "baci.csv");
        File.WriteAllText(baciCsv, "t,i,j,k,v\n2022,4,99999,010121,1.5\n");
        var code = Convert(baciCsv, "'t': 'INTEGER', 'i': 'INTEGER', 'j': 'BIGINT', 'k': 'VARCHAR', 'v': 'DOUBLE'", "*", 1, "code.parquet");
        e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(code));
        Has(e, "row 1 (row group 0, index 0): column 'j': '99999' is out of range (0 to 9999)");
    }

    [Fact]
    public void Missing_columns_wrong_types_and_other_layouts_are_named()
    {
        var csv = Path.Combine(_dir, "flows.csv");
        File.WriteAllText(csv, "year,exporter,importer,hs,value_usd\n2023,KEN,CHN,090240,5\n");
        const string Columns = "'year': 'INTEGER', 'exporter': 'VARCHAR', 'importer': 'VARCHAR', 'hs': 'VARCHAR', 'value_usd': 'DOUBLE'";

        var missing = Convert(csv, Columns, "year, exporter, importer, hs AS product, value_usd, 1 AS value", 1, "missing.parquet");
        var e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(missing));
        Has(e, "missing.parquet: schema: ");
        Has(e, "columns TradeBalance does not recognise (year, exporter, importer, product, value_usd, value)");

        var boolean = Convert(csv, Columns, "year, exporter, importer, hs, value_usd > 1 AS value_usd", 1, "bool.parquet");
        e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(boolean));
        Has(e, "bool.parquet: schema: column 'value_usd': holds values of type Boolean");

        var list = Convert(csv, Columns, "year, exporter, importer, hs, [value_usd] AS value_usd", 1, "list.parquet");
        e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(list));
        Has(e, "list.parquet: schema: column 'value_usd': is a nested column");

        var tariffs = Convert(csv, Columns, "importer, exporter, hs, value_usd AS rate_percent", 1, "tariffs.parquet");
        Assert.Equal(TradeFileFormat.Tariffs, TradeFile.Detect(tariffs));
        e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(tariffs));
        Assert.Contains("is Parquet holding a tariffs file (tariffs.csv)'s columns; TradeBalance reads Parquet for trade flows only", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<TradeDataException>(() => TradeFile.ReadTariffs(tariffs));
        Has(e, "TradeBalance reads Parquet for trade flows only");
    }

    [Fact]
    public void Parquet_from_a_stream_that_cannot_seek_is_copied_to_a_temporary_file_and_read()
    {
        var csv = FlowsCsv(500);
        var parquet = Convert(csv, FlowColumns, "year, exporter, importer, hs, CAST(value_usd AS DOUBLE) AS value_usd, quantity_kg, source", 100, "flows.parquet");
        using var pipe = new ForwardOnly(File.ReadAllBytes(parquet));
        var read = TradeFile.ReadFlows(pipe, "<stdin>");
        SameFlows.AssertIdentical(global::TradeBalance.Data.FlowsCsv.Read(csv).Value, read.Value);

        // The copy is gone once read (on Linux it has no name from the start): nothing is left in the temporary folder.
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "tradebalance-*.parquet"));
    }

    [Fact]
    public void Gzip_wrapped_Parquet_is_named_as_such()
    {
        var csv = FlowsCsv(10);
        var parquet = Convert(csv, FlowColumns, "*", 100, "flows.parquet");
        var gz = new MemoryStream();
        using (var z = new System.IO.Compression.GZipStream(gz, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(File.ReadAllBytes(parquet));
        }

        gz.Position = 0;
        var e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(gz, "flows.parquet.gz"));
        Has(e, "is gzip-compressed Parquet");
    }

    private static void Has(TradeDataException e, string fragment) => Assert.True(e.Message.Contains(fragment, StringComparison.Ordinal), e.Message);

    /// <summary>A stream that reads forward only, as a pipe does.</summary>
    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }

    /// <summary>
    /// Valid files refused, damaged ones explained in .NET's words (hostile input, round three, class 7): an unused list,
    /// map or struct column is skipped (it was refused as damaged), and a decimal beyond .NET's range is named in
    /// TradeBalance's words, not "Value was either too large or too small for a Decimal".
    /// </summary>
    [Theory]
    [InlineData("[1, 2] AS tags")]
    [InlineData("MAP {'a': 1} AS attributes")]
    [InlineData("{'x': 1, 'y': 'z'} AS details")]
    [InlineData("[[1], [2, 3]] AS nested")]
    public void An_unused_nested_column_is_skipped(string extra)
    {
        var parquet = TeaParquet("year, exporter, " + extra + ", importer, hs, value_usd", "nested.parquet");
        var read = TradeFile.ReadFlows(parquet);
        Assert.Equal(2, read.Value.Flows.Length);
        Assert.Equal(12m, read.Value.Flows.Sum(f => f.Value.Amount));
    }

    [Theory]
    [InlineData("CAST('123456789012345678901234567890123456' AS DECIMAL(38,0))")]
    [InlineData("CAST('-99999999999999999999999999999999999' AS DECIMAL(38,2))")]
    public void A_decimal_beyond_the_range_TradeBalance_reads_is_named(string value)
    {
        var parquet = TeaParquet("year, exporter, importer, hs, " + value + " AS value_usd", "big.parquet");
        var e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(parquet));
        Assert.DoesNotContain("Value was either too large", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", e.Message, StringComparison.Ordinal);
        Has(e, "big.parquet:");
        Has(e, "column 'value_usd': holds a decimal beyond ±79,228,162,514,264,337,593,543,950,335, the largest TradeBalance reads");
    }

    [Fact]
    public void A_long_text_a_dictionary_gives_every_row_is_refused_at_its_first_row()
    {
        // A few kilobytes of Parquet: one dictionary entry of 400,000 characters, referenced by 20,000 rows. Read row by
        // row as text, it was 8 GB of strings (and as much JSON); now it is refused where it first occurs.
        var parquet = Path.Combine(_dir, "long-source.parquet");
        DuckDb($"COPY (SELECT 2023 AS year, 'KEN' AS exporter, 'CHN' AS importer, lpad(CAST(10000 + i AS VARCHAR), 6, '0') AS hs, 1.0 AS value_usd, repeat('s', 400000) AS source FROM range(20000) t(i)) TO '{parquet}' (FORMAT parquet)");
        Assert.InRange(new FileInfo(parquet).Length, 1, 200_000);
        var e = Assert.Throws<TradeDataException>(() => TradeFile.ReadFlows(parquet));
        Has(e, "long-source.parquet: row 1 (row group 0, index 0): column 'source'");
        Has(e, "is 400,000 characters long; a label (a source or a name) holds at most 10,000");
    }

    [Fact]
    public void A_label_repeated_on_every_row_is_held_once()
    {
        var parquet = Path.Combine(_dir, "repeated-source.parquet");
        DuckDb($"COPY (SELECT 2023 AS year, 'KEN' AS exporter, 'CHN' AS importer, lpad(CAST(10000 + i AS VARCHAR), 6, '0') AS hs, 1.0 AS value_usd, repeat('s', 1000) AS source FROM range(20000) t(i)) TO '{parquet}' (FORMAT parquet)");
        var flows = TradeFile.ReadFlows(parquet).Value.Flows.ToList();
        Assert.Equal(20_000, flows.Count);
        Assert.All(flows, f => Assert.Same(flows[0].Source, f.Source));
        Assert.Equal(new string('s', 1000), flows[0].Source);
    }

    /// <summary>Two tea flows to China (KEN 5, UGA 7) written by DuckDB as Parquet through <paramref name="select"/>.</summary>
    private string TeaParquet(string select, string name)
    {
        var csv = Path.Combine(_dir, "tea.csv");
        File.WriteAllText(csv, "year,exporter,importer,hs,value_usd\n2023,KEN,CHN,090240,5\n2023,UGA,CHN,090240,7\n");
        const string Columns = "'year': 'INTEGER', 'exporter': 'VARCHAR', 'importer': 'VARCHAR', 'hs': 'VARCHAR', 'value_usd': 'DOUBLE'";
        return Convert(csv, Columns, select, 1, name);
    }
}
