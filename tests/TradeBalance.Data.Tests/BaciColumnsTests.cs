using System.Globalization;
using System.Text;
using TradeBalance.Data.Internal.Baci;
using TradeBalance.Synthetic;
using Xunit;

namespace TradeBalance.Data.Tests;

public class BaciColumnsTests
{
    private const string Header = "t,i,j,k,v,q\n";

    private static readonly Lazy<BaciCountryCodes> Codes = new(() => BaciCountryCodes.Read(Fixtures.Path("baci-country-codes.csv")).Value);

    private static readonly Lazy<byte[]> Synthetic20k = new(() => SyntheticBytes(20_000, 2022));

    private static byte[] SyntheticBytes(int rows, int year)
    {
        using var dir = Fixtures.TempDir();
        var path = Path.Combine(dir.Root, "b.csv");
        SyntheticBaci.Write(path, rows, year);
        return File.ReadAllBytes(path);
    }

    private static ReadResult<BaciColumns> Columns(string text, BaciReadOptions? options = null) =>
        BaciReader.ReadColumns(new MemoryStream(Encoding.UTF8.GetBytes(text)), "baci.csv", options);

    private static ReadResult<BaciColumns> Parse(byte[] content, int parts, int minPartBytes = 1, BaciReadOptions? options = null) =>
        BaciColumnParser.ParseBytes(content, "baci.csv", options ?? BaciReadOptions.Default, parts, minPartBytes);

    /// <summary>ReadColumns + ToTradeDataSet gives what BaciReader.Read gives: the same flows in the same order, each
    /// decimal digit for digit (trailing zeros included), and the same report.</summary>
    private static void AssertSameAsRead(byte[] content, BaciReadOptions? readOptions = null, BaciReadOptions? setOptions = null)
    {
        var expected = BaciReader.Read(new MemoryStream(content), "baci.csv", setOptions ?? readOptions);
        var columns = BaciReader.ReadColumns(new MemoryStream(content), "baci.csv", readOptions);
        var actual = columns.Value.ToTradeDataSet(setOptions ?? readOptions);
        SameFlows.AssertIdentical(expected.Value, actual.Value);
        AssertSameReport(expected.Report, actual.Report);
    }

    private static void AssertSameReport(ReadReport expected, ReadReport actual) => SameFlows.AssertSameReport(expected, actual);

    private static void AssertSameColumns(BaciColumns a, BaciColumns b)
    {
        Assert.Equal(a.Count, b.Count);
        Assert.True(a.Years.SequenceEqual(b.Years));
        Assert.True(a.Exporters.SequenceEqual(b.Exporters));
        Assert.True(a.Importers.SequenceEqual(b.Importers));
        Assert.True(a.Products.SequenceEqual(b.Products));
        Assert.True(a.ValuesUsd.SequenceEqual(b.ValuesUsd)); // bit-identical, NaN included (SequenceEqual of doubles uses Equals: NaN equals NaN)
        Assert.True(a.QuantitiesKg.SequenceEqual(b.QuantitiesKg));
        for (var r = 0; r < a.Count; r++)
        {
            Assert.Equal(a.LineOf(r), b.LineOf(r));
        }
    }

    [Fact]
    public void The_fixture_reads_into_columns_in_file_order()
    {
        var (c, report) = BaciReader.ReadColumns(Fixtures.Path("baci-hs17-2022.csv"));

        Assert.Equal(7, c.Count); // 8 rows: 9999AA skipped; the intra-national row is kept
        Assert.Equal(8, report.RowsRead);
        Assert.Equal(1, report.Skipped["product 9999AA (not an HS code)"]);
        Assert.Equal(1, report.Adjustments["k had 5 digits: leading zero restored"]);
        Assert.Equal([404, 144, 842, 699, 156, 490, 404], c.Exporters.ToArray().Select(x => (int)x));
        Assert.All(c.Years.ToArray(), y => Assert.Equal(2022, y));
        Assert.Equal(90240, c.Products[0]);
        Assert.Equal(90240, c.Products[1]); // 5-digit 90240: the same product
        Assert.Equal(HsCode.Parse("090240"), c.ProductAt(1));
        Assert.Equal(20_000_500.0, c.ValuesUsd[0]);
        Assert.Equal(12_000_250.0, c.QuantitiesKg[0]);
        Assert.Equal(5_000_125.0, c.ValuesUsd[4]);
        Assert.True(double.IsNaN(c.QuantitiesKg[1])); // "   NA"
        Assert.True(double.IsNaN(c.QuantitiesKg[2])); // empty
        Assert.False(c.HasQuantity(1));
        Assert.True(c.HasQuantity(0));
        Assert.Equal(2, c.LineOf(0));
        Assert.Equal(8, c.LineOf(6));
        Assert.Contains("BACI v × 1000 → USD (current USD; FOB, reconciled mirror flows)", report.Units);
        Assert.Throws<ArgumentOutOfRangeException>(() => c.ProductAt(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => c.HasQuantity(-1));
    }

    [Fact]
    public void Rows_of_product_9999AA_are_skipped_on_the_fast_path()
    {
        // The fixture has one; before the fix, any such row sent the whole file to the slow, row-by-row path.
        var fast = BaciColumnParser.ReadPathFast(Fixtures.Path("baci-hs17-2022.csv"), BaciReadOptions.Default, 2);
        Assert.NotNull(fast);
        Assert.Equal(7, fast.Value.Count);
        Assert.Equal(1, fast.Report.Skipped["product 9999AA (not an HS code)"]);
        Assert.Equal(8, fast.Value.LineOf(6)); // the line after the skipped one

        var text = Header + "2022,4,8,9999AA,1,1\n2022,4,8,010121,1,1\n2022,4,8,9999AA,x,y\n";
        AssertSameAsRead(Encoding.UTF8.GetBytes(text)); // a bad v on a 9999AA row: Read skips it unread, and so do the columns (slow path)
    }

    [Fact]
    public void ToTradeDataSet_equals_BaciReader_Read_on_the_fixture_with_and_without_the_code_file()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("baci-hs17-2022.csv"));
        AssertSameAsRead(bytes);
        AssertSameAsRead(bytes, new BaciReadOptions { CountryCodes = Codes.Value });
        AssertSameAsRead(bytes, null, new BaciReadOptions { Importers = new HashSet<Country> { Countries.China } });
        AssertSameAsRead(bytes, null, new BaciReadOptions { Source = "mine" });
    }

    [Fact]
    public void ToTradeDataSet_equals_BaciReader_Read_on_generated_files_with_filters()
    {
        var bytes = Synthetic20k.Value;
        AssertSameAsRead(bytes);
        AssertSameAsRead(bytes, null, new BaciReadOptions { Importers = new HashSet<Country> { Countries.China } });
        AssertSameAsRead(bytes, null, new BaciReadOptions { Exporters = new HashSet<Country> { Countries.Kenya, Countries.China } });
        AssertSameAsRead(bytes, null, new BaciReadOptions { Products = [HsCode.Parse("09"), HsCode.Parse("8517")] });
        AssertSameAsRead(bytes, null, new BaciReadOptions
        {
            Importers = new HashSet<Country> { Countries.China, Country.FromIso3("USA") },
            Exporters = new HashSet<Country> { Countries.Kenya, Country.FromIso3("AFG") },
            Products = [HsCode.Parse("01")],
        });
    }

    [Fact]
    public void Nes_areas_merge_into_one_ROW_flow_and_intra_national_rows_are_skipped_as_BaciReader_does()
    {
        var text = Header
            + "2022,404,156,090240,1,1\n"
            + "2022,899,156,090240,2,2\n"
            + "2022,899,156,851712,2,NA\n"
            + "2022,568,156,090240,3,3\n"   // another nes area: the same ROW flow
            + "2022,837,156,851712,1.5,1\n" // bunkers: merges, quantity unknown
            + "2022,156,156,090240,9,9\n"   // intra-national
            + "2022,156,404,9999AA,1,1\n"
            + "2022,156,404,090240,1,1\n";
        AssertSameAsRead(Encoding.UTF8.GetBytes(text));
        AssertSameAsRead(Encoding.UTF8.GetBytes(text), null, new BaciReadOptions { Exporters = new HashSet<Country> { Countries.RestOfWorld } });
        var (c, report) = Columns(text);
        Assert.Equal(7, c.Count);
        Assert.Equal(2, report.Adjustments["area nes 899 mapped to ROW"]);
        Assert.Equal(1, report.Adjustments["area nes 837 mapped to ROW"]);
    }

    [Theory]
    [InlineData("12.345", 12345.0)]
    [InlineData("0.001", 1.0)]
    [InlineData("0", 0.0)]
    [InlineData("7", 7000.0)]
    [InlineData("0.0001", 0.1)]
    [InlineData("1.23456789", 1234.56789)]
    [InlineData("123456789012.345", 123456789012345.0)]
    [InlineData("00012.5", 12500.0)]
    [InlineData("123456789012.3456789", 123456789012345.6789)] // a mantissa past 2^53, inside the numeric domain
    [InlineData("999999999999.9999999", 999999999999999.9999)]
    [InlineData("0.1234567890123456789012345", 123.4567890123456789012345)]
    public void Values_are_the_nearest_double_to_the_exact_decimal_times_1000(string v, double expected)
    {
        var c = Columns(Header + $"2022,404,156,090240,{v},{v}\n").Value;
        Assert.Equal(expected, c.ValuesUsd[0]);
        Assert.Equal(expected, c.QuantitiesKg[0]);
        Assert.Equal(BaciDecimals.ToDouble(decimal.Parse(v, CultureInfo.InvariantCulture) * 1000m), c.ValuesUsd[0]);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool Random_mantissas_and_decimal_counts_convert_exactly(ulong mantissa, byte decimals, bool big)
    {
        // Up to 19 digits and 0 to 12 decimals, so both the one-operation path and the decimal fallback run.
        var m = big ? mantissa % 10_000_000_000_000_000_000UL : mantissa % 100_000_000UL;
        var d = decimals % 13;
        var digits = m.ToString(CultureInfo.InvariantCulture).PadLeft(d + 1, '0');
        var text = d == 0 ? digits : digits[..^d] + "." + digits[^d..];
        var exact = decimal.Parse(text, CultureInfo.InvariantCulture) * 1000m;
        if (!InDomain(exact))
        {
            // Outside the numeric domain (docs/numeric-domain.md): refused with the line, as BaciReader refuses it.
            return Assert.Throws<TradeDataException>(() => Columns(Header + $"2022,404,156,090240,{text},{text}\n")).Line == 2;
        }

        var expected = double.Parse(exact.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var c = Columns(Header + $"2022,404,156,090240,{text},{text}\n").Value;
        return c.ValuesUsd[0] == expected && c.QuantitiesKg[0] == expected;
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public bool ToTradeDataSet_gives_the_decimal_BaciReader_gives_digit_for_digit_up_to_15_significant_digits(ulong mantissa, byte decimals, bool padded)
    {
        // m < 10^15 written with 0 to 14 decimals, trailing zeros (1.500) and leading zeros (007.5) included.
        var d = decimals % 15;
        var m = mantissa % 1_000_000_000_000_000UL;
        var digits = m.ToString(CultureInfo.InvariantCulture).PadLeft(d + 1, '0');
        digits = (padded ? "00" : string.Empty) + digits;
        var text = d == 0 ? digits : digits[..^d] + "." + digits[^d..];
        var exact = decimal.Parse(text, CultureInfo.InvariantCulture) * 1000m;
        if (!InDomain(exact))
        {
            return Assert.Throws<TradeDataException>(() => Columns(Header + $"2022,404,156,090240,{text},{text}\n")).Line == 2;
        }

        var columns = Columns(Header + $"2022,404,156,090240,{text},{text}\n").Value;
        var flow = columns.ToTradeDataSet().Value.Flows[0];
        var exactOnly = columns.ToTradeDataSetExact(BaciReadOptions.Default);
        return decimal.GetBits(flow.Value.Amount).SequenceEqual(decimal.GetBits(exact))
            && decimal.GetBits(flow.QuantityKg!.Value).SequenceEqual(decimal.GetBits(exact))
            && exactOnly is not null
            && decimal.GetBits(exactOnly.Value.Flows[0].Value.Amount).SequenceEqual(decimal.GetBits(exact));
    }

    [Theory]
    [InlineData("1.500", "1500.000")]
    [InlineData("20000.5", "20000500.0")]
    [InlineData("0.000", "0.000")]
    [InlineData("007", "7000")]
    [InlineData("0.00000000100000", "0.00000100000000")] // 14 decimals, the smallest non-zero value (1E-06 USD)
    [InlineData("999999999999.999", "999999999999999.000")] // 15 significant digits
    public void Values_keep_the_digits_and_trailing_zeros_BaciReader_gives(string v, string expected)
    {
        var set = Columns(Header + $"2022,404,156,090240,{v},{v}\n").Value.ToTradeDataSet().Value;
        Assert.Equal(expected, set.Flows[0].Value.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, set.Flows[0].QuantityKg!.Value.ToString(CultureInfo.InvariantCulture));
        AssertSameAsRead(Encoding.UTF8.GetBytes(Header + $"2022,404,156,090240,{v},{v}\n"));
    }

    [Theory]
    [InlineData("999999999999.9999")] // 16 significant digits
    [InlineData("0.000001000000001")] // 15 decimals
    [InlineData("123456789012.3456789")] // past the one-operation path
    public void A_value_the_double_cannot_carry_to_the_decimal_makes_the_exact_conversion_decline(string v)
    {
        var columns = Columns(Header + $"2022,404,156,090240,1,1\n2022,404,156,090241,{v},1\n").Value;
        Assert.Null(columns.ToTradeDataSetExact(BaciReadOptions.Default));
        Assert.Equal(2, columns.ToTradeDataSet().Value.Flows.Length); // the public method converts through the double
        var quantity = Columns(Header + $"2022,404,156,090240,1,{v}\n").Value;
        Assert.Null(quantity.ToTradeDataSetExact(BaciReadOptions.Default));

        // A row the options skip does not count.
        Assert.NotNull(columns.ToTradeDataSetExact(new BaciReadOptions { Products = [HsCode.Parse("090240")] }));
    }

    [Fact]
    public void Missing_quantities_are_NaN_and_a_file_without_q_has_no_quantities()
    {
        var c = Columns(Header + "2022,4,8,010121,1,NA\n2022,4,8,010122,1,   NA\n2022,4,8,010123,1,\n2022,4,8,010124,1,na\n2022,4,8,010125,1,0\n").Value;
        Assert.Equal([false, false, false, false, true], Enumerable.Range(0, 5).Select(c.HasQuantity));
        Assert.Equal(0.0, c.QuantitiesKg[4]);
        var noQ = Columns("t,i,j,k,v\n2022,4,8,010121,1\n").Value;
        Assert.True(double.IsNaN(noQ.QuantitiesKg[0]));
        Assert.False(noQ.HasQuantity(0));
    }

    public static TheoryData<string, int, string> Errors => new()
    {
        { Header + "2022,404,156,1234,1,1\n", 2, "column 'k': '1234' is not a 6-digit HS code" },
        { Header + "2022,404,156,09024A,1,1\n", 2, "column 'k': '09024A' is not a 6-digit HS code" },
        { Header + "2022,999,156,090240,1,1\n", 2, "column 'i': '999' is not an ISO 3166-1 numeric" },
        { Header + "2022,404,99999,090240,1,1\n", 2, "column 'j': '99999' is out of range (0 to 9999)" },
        { Header + "2022,404,0,090240,1,1\n", 2, "column 'j': '0' is not an ISO 3166-1 numeric" },
        { Header + "2022,404,156,090240,abc,1\n", 2, "column 'v': 'abc' is not a number" },
        { Header + "2022,404,156,090240,-1,1\n", 2, "column 'v': '-1' is negative" },
        { Header + "2022,404,156,090240,,1\n", 2, "is empty; a value is required" },
        { Header + "2022,404,156,090240,1,x\n", 2, "column 'q': 'x' is not a number" },
        { Header + "2022,404,156,090240,1,-2\n", 2, "column 'q': '-2' is negative" },
        { Header + "2022,404,156,090240,7.9E+26,1\n", 2, "column 'v': '7.9E+26' is outside the numeric domain" },
        { Header + "1899,404,156,090240,1,1\n", 2, "column 't': '1899' is out of range (1900 to 2200)" },
        { Header + "20x2,404,156,090240,1,1\n", 2, "column 't': '20x2' is not a whole number" },
        { Header + "2022,404,156,090240,1,1\n2022,404,156,090240,1\n", 3, "has 5 fields but the header has 6" },
        { Header + "2022,404,156,090240,1,1\n2022,404,156,090241,1,1,1\n", 3, "has 7 fields but the header has 6" },
        { "t,i,j,k,q\n2022,404,156,090240,1\n", 1, "column 'v': required column is missing" },
        { string.Empty, 1, "the file has no header row" },
        { Header + "2022,404,156,090240,1,1\n2022,404,156,090241,1,1\n2022,404,156,090240,2,1\n", 4, "repeats the flow of line 2" },
        { Header + "2022,404,156,090241,1,1\n2022,404,156,090240,1,1\n2022,404,156,090241,2,1\n", 4, "repeats the flow of line 2" },
        { Header + "2022,404,156,090240,1,1\n2022,404,156,90240,2,1\n", 3, "repeats the flow of line 2" },
        { Header + "2022,404,156,090240,1,1\n2022,144,156,090240,1,1\n2022,144,156,090240,1,1\n2022,404,156,090240,x,1\n", 4, "repeats the flow of line 3" },
        { Header + "2022,404,156,090240,1,1\n2022,999,156,090240,1,1\n2022,404,156,090240,1,1\n", 3, "column 'i': '999'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Bad_input_throws_with_file_line_column_and_value(string text, int line, string fragment)
    {
        var e = Assert.Throws<TradeDataException>(() => Columns(text));
        Assert.Equal("baci.csv", e.FileName);
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"baci.csv:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);

        // Whatever the parallelism, the first bad line in file order is named.
        foreach (var parts in new[] { 1, 2, 3, 5 })
        {
            var again = Assert.Throws<TradeDataException>(() => Parse(Encoding.UTF8.GetBytes(text), parts));
            Assert.Equal(e.Message, again.Message);
        }
    }

    [Fact]
    public void Errors_BaciReader_reports_are_reported_with_the_same_message()
    {
        foreach (var row in Errors)
        {
            var data = ((ITheoryDataRow)row).GetData();
            var text = (string)data[0]!;
            if (((string)data[2]!).Contains("repeats", StringComparison.Ordinal))
            {
                continue;
            }

            var read = Record.Exception(() => { BaciReader.Read(new StringReader(text), "baci.csv"); });
            var columns = Record.Exception(() => { Columns(text); });
            Assert.Equal(Assert.IsType<TradeDataException>(read).Message, Assert.IsType<TradeDataException>(columns).Message);
        }
    }

    [Fact]
    public void An_unsorted_file_with_a_duplicate_names_the_second_occurrence_whatever_the_parts()
    {
        // Rows shuffled (so the cheap order check fails) and one row repeated far from its first occurrence.
        var lines = Encoding.UTF8.GetString(Synthetic20k.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var rng = new Random(7);
        var shuffled = lines.OrderBy(_ => rng.Next()).ToList();
        shuffled.Insert(15_000, shuffled[3_000]);
        var text = Header + string.Join('\n', shuffled) + "\n";
        foreach (var parts in new[] { 1, 2, 4 })
        {
            var e = Assert.Throws<TradeDataException>(() => Parse(Encoding.UTF8.GetBytes(text), parts, 1024));
            Assert.Equal(15_002, e.Line);
            Assert.Contains("repeats the flow of line 3002", e.Message, StringComparison.Ordinal);
        }

        // Without the repeat, the shuffled file reads, with the same rows as the sorted one.
        var ok = Columns(Header + string.Join('\n', shuffled.Where((_, n) => n != 15_000)) + "\n").Value;
        Assert.Equal(lines.Count, ok.Count);
    }

    [Fact]
    public void Gzip_by_name_and_by_magic_bytes_reads_the_same()
    {
        using var dir = Fixtures.TempDir();
        var plain = Path.Combine(dir.Root, "b.csv");
        File.WriteAllBytes(plain, Synthetic20k.Value);
        var gz = Path.Combine(dir.Root, "b.csv.gz");
        Fixtures.Gzip(plain, gz);
        var noExtension = Path.Combine(dir.Root, "b.bin");
        File.Copy(gz, noExtension);
        var expected = BaciReader.ReadColumns(plain).Value;
        AssertSameColumns(expected, BaciReader.ReadColumns(gz).Value);
        AssertSameColumns(expected, BaciReader.ReadColumns(noExtension).Value);
        using var stream = File.OpenRead(gz);
        AssertSameColumns(expected, BaciReader.ReadColumns(stream, "b.csv.gz").Value);
        var bad = Path.Combine(dir.Root, "bad.csv.gz");
        File.WriteAllBytes(bad, [0x1F, 0x8B, 1, 2, 3]);
        Assert.Contains("is not a valid gzip file", Assert.Throws<TradeDataException>(() => BaciReader.ReadColumns(bad)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CRLF_a_missing_final_newline_a_BOM_and_a_header_only_file_read_as_BaciReader_reads_them()
    {
        var lf = Synthetic20k.Value;
        var crlf = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(lf).Replace("\n", "\r\n", StringComparison.Ordinal));
        var expected = Parse(lf, 1).Value;
        AssertSameColumns(expected, Parse(crlf, 1).Value);
        AssertSameColumns(expected, Parse(crlf, 3, 4096).Value);
        AssertSameColumns(expected, Parse(lf[..^1], 2, 4096).Value); // no final newline
        AssertSameColumns(expected, Parse([0xEF, 0xBB, 0xBF, .. lf], 2, 4096).Value);
        AssertSameAsRead(crlf);
        var (empty, report) = Columns("t,i,j,k,v,q");
        Assert.Equal(0, empty.Count);
        Assert.Equal(0, report.RowsRead);
        Assert.Equal(0, Columns(Header).Value.Count);
        Assert.Equal(0, Columns("t,i,j,k,v,q\r\n").Value.Count);
    }

    [Fact]
    public void Files_off_the_fast_path_read_exactly_as_BaciReader_reads_them()
    {
        var text = "# BACI extract\n"
            + "T,I,J,K,V,Q\n"
            + "2022,404,156,090240,20000.5,12000.25\n"
            + "\n"
            + "\"2022\",144,156,\"090240\",1E+3,  NA  \n"
            + " 2022.0 ,842,156,090240,+5,\n"
            + "2022,699,156,9999aa,x,1\n"
            + "2022,156,156,090240,1,1\r"
            + "2022,490,156,090240,17000,900";
        var bytes = Encoding.UTF8.GetBytes(text);
        AssertSameAsRead(bytes);
        var (c, report) = BaciReader.ReadColumns(new MemoryStream(bytes), "baci.csv");
        Assert.Equal(5, c.Count);
        Assert.Equal(1, report.Skipped["blank line"]);
        Assert.Equal(1, report.Skipped["product 9999AA (not an HS code)"]);
        Assert.Equal([3L, 5L, 6L, 8L, 9L], new[] { 0, 1, 2, 3, 4 }.Select(c.LineOf));
        Assert.Equal(1_000_000.0, c.ValuesUsd[1]);

        // Lone CR line ends (a fuzz finding: the rows outnumbered the \n count the columns were sized by).
        AssertSameAsRead("t,i,j,k,v,q\r2022,4,156,090240,5,\r2022,144,156,90240,0,"u8.ToArray());

        // Another column order and an extra column.
        AssertSameAsRead(Encoding.UTF8.GetBytes("i,j,t,k,q,v,extra\n404,156,2022,090240,1,2,x\n"));
    }

    [Fact]
    public void Part_boundaries_anywhere_give_the_columns_of_a_single_part_parse()
    {
        // Skipped rows (9999AA), 5-digit k and nes codes spread over the file, so that every part compacts and counts.
        var lines = Encoding.UTF8.GetString(Synthetic20k.Value[..40_000]).Split('\n')[1..^1].ToList();
        for (var n = 5; n < lines.Count; n += 7)
        {
            // A nes exporter gets a year of its own, so that it repeats no (t, i, j, k).
            var f = lines[n].Split(',');
            lines[n] = n % 3 == 0 ? $"{f[0]},{f[1]},{f[2]},9999AA,1,1" : n % 3 == 1 && f[3][0] == '0' ? $"{f[0]},{f[1]},{f[2]},{f[3][1..]},{f[4]},{f[5]}" : $"{1900 + (n / 7)},899,{f[2]},{f[3]},{f[4]},{f[5]}";
        }

        var bytes = Encoding.UTF8.GetBytes(Header + string.Join('\n', lines.Distinct()) + "\n");
        var single = Parse(bytes, 1);
        for (var parts = 2; parts <= 9; parts++)
        {
            foreach (var min in new[] { 1, 100, 1000 })
            {
                var many = Parse(bytes, parts, min);
                AssertSameColumns(single.Value, many.Value);
                AssertSameReport(single.Report, many.Report);
            }
        }

        Assert.True(single.Report.Skipped["product 9999AA (not an HS code)"] > 10);
        Assert.True(single.Report.Adjustments["k had 5 digits: leading zero restored"] > 0);
        Assert.True(single.Report.Adjustments["area nes 899 mapped to ROW"] > 10);
        var read = BaciReader.Read(new MemoryStream(bytes), "baci.csv");
        AssertSameReport(read.Report, single.Value.ToTradeDataSet().Report);
    }

    [Fact]
    public void A_200k_row_file_gives_identical_columns_on_every_read_and_every_part_count()
    {
        var bytes = SyntheticBytes(200_000, 2021);
        var first = Parse(bytes, 1, 1).Value;
        Assert.Equal(200_000, first.Count);
        AssertSameColumns(first, Parse(bytes, 2).Value);
        AssertSameColumns(first, Parse(bytes, 7, 1 << 16).Value);
        AssertSameColumns(first, BaciReader.ReadColumns(new MemoryStream(bytes), "baci.csv").Value);
        Assert.All(first.Years.ToArray(), y => Assert.Equal(2021, y));
        Assert.Equal(Math.Round(first.ValuesUsd.ToArray().Sum(), 3), Math.Round(Parse(bytes, 4, 1).Value.ValuesUsd.ToArray().Sum(), 3));
    }

    [Fact]
    public void The_options_codes_decide_which_codes_are_valid()
    {
        var text = Header + "2022,58,156,090240,1,1\n";
        Assert.Contains("names no country TradeBalance knows", Assert.Throws<TradeDataException>(() => Columns(text, new BaciReadOptions { CountryCodes = Codes.Value })).Message, StringComparison.Ordinal);
        var c = Columns(Header + "2022,490,156,090240,1,1\n", new BaciReadOptions { CountryCodes = Codes.Value }).Value;
        Assert.Equal("TWN", c.ToTradeDataSet(new BaciReadOptions { CountryCodes = Codes.Value }).Value.Flows[0].Exporter.Alpha3);

        // Two codes for one country become one flow: refused, naming both lines.
        var twice = Columns(Header + "2022,842,156,090240,1,1\n2022,840,156,090240,1,1\n").Value;
        var e = Assert.Throws<TradeDataException>(() => twice.ToTradeDataSet());
        Assert.Equal(3, e.Line);
        Assert.Contains("line 2 has the same exporter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_shared_safely_between_threads()
    {
        var c = Parse(Synthetic20k.Value, 2, 4096).Value;
        var expected = c.ToTradeDataSet(new BaciReadOptions { Importers = new HashSet<Country> { Countries.China } }).Value.Flows;
        Parallel.For(0, 8, _ =>
        {
            var flows = c.ToTradeDataSet(new BaciReadOptions { Importers = new HashSet<Country> { Countries.China } }).Value.Flows;
            Assert.Equal(expected, flows);
            Assert.Equal(c.ValuesUsd.ToArray().Sum(), c.ValuesUsd.ToArray().Sum());
        });
    }

    [Fact]
    public void A_large_file_from_disk_reads_through_the_path_overload()
    {
        using var dir = Fixtures.TempDir();
        var path = Path.Combine(dir.Root, "BACI_HS17_Y2022_V202401b.csv");
        File.WriteAllBytes(path, Synthetic20k.Value);
        var (c, report) = BaciReader.ReadColumns(path);
        Assert.Equal(20_000, c.Count);
        Assert.Equal(path, report.FileName);
        var set = c.ToTradeDataSet().Value;
        Assert.Equal("CEPII BACI (BACI_HS17_Y2022_V202401b.csv)", set.Flows[0].Source);
        Assert.Throws<FileNotFoundException>(() => BaciReader.ReadColumns(Path.Combine(dir.Root, "missing.csv")));
    }

    /// <summary>A value in USD (or kg) inside the numeric domain: 0, or 1E-06 to 1E+15.</summary>
    private static bool InDomain(decimal v) => v == 0m || (v >= NumericDomain.MinPositiveFlowValue && v <= NumericDomain.MaxFlowValue);
}
