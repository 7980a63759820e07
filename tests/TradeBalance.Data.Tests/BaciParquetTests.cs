using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// BaciParquet: a release zip converted once to a folder of Parquet files gives back, year by year, exactly the flows
/// BaciReader.Read gives for the year's CSV with the zip's own country codes; the manifest records the release; a folder
/// that is not a complete, unaltered conversion is refused.
/// </summary>
public class BaciParquetTests
{
    /// <summary>BaciReader.Read on the zip's entry, with the zip's country-code file: the flows a conversion must give back.</summary>
    private static TradeDataSet Direct(string zipPath, string entry, string codesEntry)
    {
        BaciCountryCodes codes;
        using (var c = BaciZips.Open(zipPath, codesEntry, out var z1))
        using (z1)
        {
            codes = BaciCountryCodes.Read(c, codesEntry).Value;
        }

        using var s = BaciZips.Open(zipPath, entry, out var z2);
        using (z2)
        {
            return BaciReader.Read(s, entry, new BaciReadOptions { CountryCodes = codes }).Value;
        }
    }

    /// <summary>The same flows (key, value, quantity, source), in any order; each decimal the same bit for bit (digits and
    /// trailing zeros) unless <paramref name="digits"/> is false (then compared as numbers).</summary>
    private static void AssertSameFlows(TradeDataSet expected, TradeDataSet actual, bool digits = true)
    {
        static List<string> Rows(TradeDataSet d) => [.. d.Flows
            .Select(f => $"{f.Year} {f.Exporter.Alpha3} {f.Importer.Alpha3} {f.Hs} {f.Value.Amount / 1m:G29} {(f.QuantityKg is { } q ? (q / 1m).ToString("G29", System.Globalization.CultureInfo.InvariantCulture) : "-")} {f.Source}")
            .Select(s => s.Replace(".0 ", " ", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
        Assert.Equal(Rows(expected), Rows(actual));
        var byKey = expected.Flows.ToDictionary(f => (f.Year, f.Exporter, f.Importer, f.Hs));
        Assert.All(actual.Flows, f =>
        {
            var e = byKey[(f.Year, f.Exporter, f.Importer, f.Hs)];
            Assert.Equal(e.Value.Amount, f.Value.Amount);
            Assert.Equal(e.QuantityKg, f.QuantityKg);
            if (digits)
            {
                Assert.Equal(decimal.GetBits(e.Value.Amount), decimal.GetBits(f.Value.Amount));
                Assert.Equal(e.QuantityKg is { } q ? decimal.GetBits(q) : null, f.QuantityKg is { } r ? decimal.GetBits(r) : null);
            }
            Assert.Equal(e.Source, f.Source);
        });
    }

    [Fact]
    public void An_HS17_release_converts_and_reads_back_the_flows_BaciReader_gives_for_each_year()
    {
        using var dir = Fixtures.TempDir();
        var zip = BaciZips.Hs17(dir.Root);
        var manifest = BaciParquet.Convert(zip, dir.File("hs17"));

        Assert.Equal([2021, 2022], manifest.Years.Select(y => y.Year));
        foreach (var year in new[] { 2021, 2022 })
        {
            var expected = Direct(zip, $"BACI_HS17_Y{year}_V202501.csv", "country_codes_V202501.csv");
            var (actual, report) = BaciParquet.ReadFlows(dir.File("hs17"), [year]);
            AssertSameFlows(expected, actual);
            Assert.Equal(7, actual.Flows.Length); // 10 rows: 9999AA and KEN→KEN skipped, 568 and 899 summed into one ROW flow
            Assert.Equal(7, report.RowsRead);
        }

        // The figures themselves: thousands of USD to USD, tonnes to kg, nes areas summed into ROW, 490 to Taiwan.
        var flows = BaciParquet.ReadFlows(dir.File("hs17"), [2022]).Value.Flows;
        var row = flows.Single(f => f.Exporter.Equals(Countries.RestOfWorld) && f.Hs.Digits == "090240");
        Assert.Equal(5_000m, row.Value.Amount);
        Assert.Equal(5_000m, row.QuantityKg);
        Assert.Equal(20_000_500m, flows.Single(f => f.Exporter.Alpha3 == "KEN").Value.Amount);
        Assert.Equal(17_000_000m, flows.Single(f => f.Exporter.Alpha3 == "TWN").Value.Amount);
        Assert.Null(flows.Single(f => f.Exporter.Alpha3 == "LKA").QuantityKg);
        Assert.Equal("CEPII BACI (BACI_HS17_Y2022_V202501.csv)", row.Source);
    }

    [Fact]
    public void An_HS92_release_in_the_older_code_layout_converts_with_its_revision_recorded()
    {
        using var dir = Fixtures.TempDir();
        var zip = BaciZips.Hs92(dir.Root);
        var manifest = BaciParquet.Convert(zip, dir.File("hs92"));

        Assert.Equal("HS92", manifest.HsRevision);
        Assert.Equal("V202401b", manifest.BaciVersion);
        Assert.Equal("country_codes_V202401b.csv", manifest.CountryCodesFile);
        var expected = Direct(zip, "BACI_HS92_Y1995_V202401b.csv", "country_codes_V202401b.csv");
        var actual = BaciParquet.ReadFlows(Path.Combine(dir.File("hs92"), BaciParquet.ManifestFileName)).Value;
        AssertSameFlows(expected, actual);
        Assert.Equal(1_500m, actual.Flows.Single(f => f.Exporter.Alpha3 == "CHN" && f.Importer.Alpha3 == "FRA").Value.Amount); // 251 is France here
        Assert.Equal(1m, actual.Flows.Single(f => f.Exporter.Equals(Countries.RestOfWorld) && f.Importer.Alpha3 == "FRA").Value.Amount);
    }

    [Fact]
    public async Task Many_row_groups_give_every_flow_of_a_synthetic_year()
    {
        using var dir = Fixtures.TempDir();
        var zip = BaciZips.Synthetic(dir.Root, 20_000, 2021);
        var manifest = BaciParquet.Convert(zip, dir.File("out"), new BaciParquetOptions { RowGroupRows = 1_000 });

        Assert.Equal(20_000, manifest.Years.Single().RowsRead);
        Assert.Equal(20_000, manifest.TotalRows);
        await using (var reader = await ParquetReader.CreateAsync(Path.Combine(dir.File("out"), "year=2021.parquet"), cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(20, reader.RowGroupCount);
            Assert.Equal("HS17", reader.CustomMetadata["tradebalance.baci.hs_revision"]);
            Assert.Equal("2021", reader.CustomMetadata["tradebalance.baci.year"]);
            Assert.Equal("BACI_HS17_V209901.zip/BACI_HS17_Y2021_V209901.csv", reader.CustomMetadata["tradebalance.baci.source"]);
            Assert.Equal(["year", "exporter", "importer", "hs", "value_usd", "quantity_kg", "source", "value_decimals", "quantity_decimals"], reader.Schema.DataFields.Select(f => f.Name));
        }

        AssertSameFlows(Direct(zip, "BACI_HS17_Y2021_V209901.csv", "country_codes_V209901.csv"), BaciParquet.ReadFlows(dir.File("out")).Value);
    }

    [Fact]
    public void Each_year_file_is_an_ordinary_flows_Parquet_file()
    {
        using var dir = Fixtures.TempDir();
        BaciParquet.Convert(BaciZips.Hs17(dir.Root), dir.File("out"));
        var path = Path.Combine(dir.File("out"), "year=2022.parquet");

        Assert.Equal(TradeFileFormat.Flows, TradeFile.Detect(path));
        // As numbers: a reader of canonical flows does not know the decimals column, so 2,500.00 comes back as 2500.
        AssertSameFlows(BaciParquet.ReadFlows(dir.File("out"), [2022]).Value, TradeFile.ReadFlows(path).Value, digits: false);
        Assert.Equal("2500.00", BaciParquet.ReadFlows(dir.File("out"), [2022]).Value.Flows.Single(f => f.Hs.Digits == "851712" && f.Exporter.Equals(Countries.RestOfWorld)).Value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_years_option_converts_only_those_years_and_reading_takes_only_the_years_asked()
    {
        using var dir = Fixtures.TempDir();
        var zip = BaciZips.Hs17(dir.Root);
        var manifest = BaciParquet.Convert(zip, dir.File("one"), new BaciParquetOptions { FirstYear = 2022, LastYear = 2022 });
        Assert.Equal([2022], manifest.Years.Select(y => y.Year));
        Assert.False(File.Exists(Path.Combine(dir.File("one"), "year=2021.parquet")));

        BaciParquet.Convert(zip, dir.File("both"));
        var both = BaciParquet.ReadFlows(dir.File("both")).Value;
        Assert.Equal([2021, 2022], both.Years);
        Assert.Equal(14, both.Flows.Length);
        Assert.Equal([2021], BaciParquet.ReadFlows(dir.File("both"), [2021]).Value.Years);

        // Reading 2022 never opens 2021's file: a damaged 2021 does not matter.
        File.WriteAllBytes(Path.Combine(dir.File("both"), "year=2021.parquet"), new byte[new FileInfo(Path.Combine(dir.File("both"), "year=2021.parquet")).Length]);
        Assert.Equal(7, BaciParquet.ReadFlows(dir.File("both"), [2022]).Value.Flows.Length);

        var e = Assert.Throws<TradeDataException>(() => BaciParquet.Convert(zip, dir.File("none"), new BaciParquetOptions { FirstYear = 2023 }));
        Assert.Contains("holds the years 2021, 2022, none in 2023–…", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_records_the_release_the_years_the_counts_and_the_tool()
    {
        using var dir = Fixtures.TempDir();
        var zip = BaciZips.Hs17(dir.Root);
        var manifest = BaciParquet.Convert(zip, dir.File("out"));

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir.File("out"), "manifest.json")));
        var root = json.RootElement;
        Assert.Equal("tradebalance-baci-parquet", root.GetProperty("format").GetString());
        Assert.Equal("BACI_HS17_V202501.zip", root.GetProperty("source").GetProperty("name").GetString());
        Assert.Equal(new FileInfo(zip).Length, root.GetProperty("source").GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(zip))), root.GetProperty("source").GetProperty("sha256").GetString());
        Assert.Equal("V202501", root.GetProperty("baciVersion").GetString());
        Assert.Equal("HS17", root.GetProperty("hsRevision").GetString());
        Assert.StartsWith("TradeBalance.Data ", root.GetProperty("tool").GetString(), StringComparison.Ordinal);
        var years = root.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal([2021, 2022], years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal("year=2022.parquet", years[1].GetProperty("file").GetString());
        Assert.Equal("BACI_HS17_Y2022_V202501.csv", years[1].GetProperty("sourceFile").GetString());
        Assert.Equal(10, years[1].GetProperty("rowsRead").GetInt64());
        Assert.Equal(7, years[1].GetProperty("rows").GetInt64());
        Assert.Equal(new FileInfo(Path.Combine(dir.File("out"), "year=2022.parquet")).Length, years[1].GetProperty("bytes").GetInt64());
        Assert.Equal(14, root.GetProperty("totals").GetProperty("rows").GetInt64());
        Assert.Equal(20, root.GetProperty("totals").GetProperty("rowsRead").GetInt64());
        Assert.Equal(manifest.TotalBytes, root.GetProperty("totals").GetProperty("bytes").GetInt64());

        var again = BaciParquet.ReadManifest(dir.File("out"));
        Assert.Equal(manifest.Years, again.Years);
        Assert.Equal(manifest.SourceSha256, again.SourceSha256);
        Assert.Equal(Path.GetFullPath(dir.File("out")), again.Directory);
    }

    [Fact]
    public void An_unsorted_year_is_read_twice_and_a_repeated_row_is_refused()
    {
        using var dir = Fixtures.TempDir();
        var lines = BaciZips.Year(2022).TrimEnd().Split('\n');
        var reversed = string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Reverse())) + "\n";
        var zip = BaciZips.Write(dir.File("BACI_HS17_V202501.zip"), ("BACI_HS17_Y2022_V202501.csv", reversed), ("country_codes_V202501.csv", BaciZips.CountryCodes));
        var messages = new List<string>();
        BaciParquet.Convert(zip, dir.File("out"), new BaciParquetOptions { Progress = new Collect(messages) });
        AssertSameFlows(Direct(zip, "BACI_HS17_Y2022_V202501.csv", "country_codes_V202501.csv"), BaciParquet.ReadFlows(dir.File("out")).Value);
        Assert.Contains(messages, m => m.Contains("not sorted", StringComparison.Ordinal));

        var repeated = BaciZips.Write(dir.File("r.zip"), ("BACI_HS17_Y2022_V202501.csv", "t,i,j,k,v,q\n2022,404,156,090240,1,1\n2022,144,156,090240,1,1\n2022,404,156,090240,2,1\n"), ("country_codes_V202501.csv", BaciZips.CountryCodes));
        var e = Assert.Throws<TradeDataException>(() => BaciParquet.Convert(repeated, dir.File("r")));
        Assert.Equal("r.zip/BACI_HS17_Y2022_V202501.csv:4: repeats (t, i, j, k) = (2022, 404, 156, 090240) of an earlier line", e.Message);
    }

    [Fact]
    public void A_bad_row_fails_the_conversion_naming_entry_and_line_and_leaves_no_folder()
    {
        using var dir = Fixtures.TempDir();
        var zip = BaciZips.Write(dir.File("BACI_HS17_V202501.zip"), ("BACI_HS17_Y2021_V202501.csv", BaciZips.Year(2021)), ("BACI_HS17_Y2022_V202501.csv", "t,i,j,k,v,q\n2022,404,156,090240,-1,1\n"), ("country_codes_V202501.csv", BaciZips.CountryCodes));

        var e = Assert.Throws<TradeDataException>(() => BaciParquet.Convert(zip, dir.File("out")));
        Assert.StartsWith("BACI_HS17_V202501.zip/BACI_HS17_Y2022_V202501.csv:2: column 'v': '-1'", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
        Assert.Equal([dir.File("BACI_HS17_V202501.zip")], Directory.EnumerateFileSystemEntries(dir.Root));
    }

    [Fact]
    public void A_zip_without_a_country_code_file_is_refused()
    {
        using var dir = Fixtures.TempDir();
        var zip = BaciZips.Write(dir.File("BACI_HS17_V202501.zip"), ("BACI_HS17_Y2022_V202501.csv", BaciZips.Year(2022)), ("country_codes_V202401.csv", BaciZips.CountryCodes));

        var e = Assert.Throws<TradeDataException>(() => BaciParquet.Convert(zip, dir.File("out")));
        Assert.Contains("holds no country-code file of version V202501 (country_codes_V202501.csv), only country_codes_V202401.csv", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));

        var none = BaciZips.Write(dir.File("x.zip"), ("flows.csv", "t,i,j,k,v\n"));
        Assert.Contains("holds no BACI year file", Assert.Throws<TradeDataException>(() => BaciParquet.Convert(none, dir.File("out"))).Message, StringComparison.Ordinal);
        File.WriteAllText(dir.File("not.zip"), "t,i,j,k,v\n");
        Assert.Contains("is not a zip archive", Assert.Throws<TradeDataException>(() => BaciParquet.Convert(dir.File("not.zip"), dir.File("out"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_folder_with_files_is_never_written_into()
    {
        using var dir = Fixtures.TempDir();
        var zip = BaciZips.Hs17(dir.Root);
        Directory.CreateDirectory(dir.File("out"));
        File.WriteAllText(Path.Combine(dir.File("out"), "keep.txt"), "mine");

        var e = Assert.Throws<IOException>(() => BaciParquet.Convert(zip, dir.File("out")));
        Assert.Contains("exists and is not empty", e.Message, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.EnumerateFiles(dir.File("out")).Select(Path.GetFileName));

        Directory.CreateDirectory(dir.File("empty"));
        Assert.Equal(2, BaciParquet.Convert(zip, dir.File("empty")).Years.Count);
    }

    [Fact]
    public void A_folder_that_is_not_a_complete_unaltered_conversion_is_refused_naming_what_and_the_fix()
    {
        using var dir = Fixtures.TempDir();
        var zip = BaciZips.Hs17(dir.Root);
        var outDir = dir.File("out");
        BaciParquet.Convert(zip, outDir);
        var manifestPath = Path.Combine(outDir, "manifest.json");
        var y2022 = Path.Combine(outDir, "year=2022.parquet");

        // A year not converted: the years there are, and how to get the one asked for.
        var e = Assert.Throws<TradeDataException>(() => BaciParquet.ReadFlows(outDir, [2020]));
        Assert.Contains("holds the years 2021, 2022 of BACI_HS17_V202501.zip, not 2020: convert the release again with those years", e.Message, StringComparison.Ordinal);

        // A file cut or grown.
        var bytes = File.ReadAllBytes(y2022);
        File.WriteAllBytes(y2022, [.. bytes, 0]);
        e = Assert.Throws<TradeDataException>(() => BaciParquet.ReadFlows(outDir, [2022]));
        Assert.Contains($"records year=2022.parquet as {bytes.Length:N0} bytes, but it is {bytes.Length + 1:N0}: the file was altered or replaced", e.Message, StringComparison.Ordinal);

        // A file missing.
        File.Delete(y2022);
        e = Assert.Throws<TradeDataException>(() => BaciParquet.ReadManifest(outDir));
        Assert.Contains("lists year=2022.parquet for 2022, which is not in", e.Message, StringComparison.Ordinal);

        // Another year's file put in its place, its size written into the manifest: the row count and year give it away.
        File.Copy(Path.Combine(outDir, "year=2021.parquet"), y2022);
        var node = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var size = new FileInfo(y2022).Length;
        var delta = size - node["years"]![1]!["bytes"]!.GetValue<long>();
        node["years"]![1]!["bytes"] = size;
        node["totals"]!["bytes"] = node["totals"]!["bytes"]!.GetValue<long>() + delta;
        File.WriteAllText(manifestPath, node.ToJsonString());
        e = Assert.Throws<TradeDataException>(() => BaciParquet.ReadFlows(outDir, [2022]));
        Assert.Contains("holds 7 rows of HS17 2021", e.Message, StringComparison.Ordinal);
        Assert.Contains("the manifest records 7 rows of HS17 2022", e.Message, StringComparison.Ordinal);

        // A row count edited without the totals.
        node["years"]![1]!["rows"] = 6;
        File.WriteAllText(manifestPath, node.ToJsonString());
        e = Assert.Throws<TradeDataException>(() => BaciParquet.ReadManifest(outDir));
        Assert.Contains("has totals that are not the sums of its years", e.Message, StringComparison.Ordinal);

        // No manifest (a conversion that did not finish, or any folder).
        File.Delete(manifestPath);
        e = Assert.Throws<TradeDataException>(() => BaciParquet.ReadFlows(outDir));
        Assert.Contains("holds no manifest.json: it is not a BACI conversion, or its conversion did not finish; convert the release with 'tradebalance baci convert ZIP --output FOLDER'", e.Message, StringComparison.Ordinal);
        Assert.False(BaciParquet.IsConversion(outDir));

        // Hostile manifests: a file name pointing out of the folder, not JSON.
        BaciParquet.Convert(zip, dir.File("second"));
        var second = Path.Combine(dir.File("second"), "manifest.json");
        File.WriteAllText(second, File.ReadAllText(second).Replace("\"year=2021.parquet\"", "\"../keep.parquet\"", StringComparison.Ordinal));
        Assert.Contains("names the file of 2021 '../keep.parquet'; a conversion names it 'year=2021.parquet'", Assert.Throws<TradeDataException>(() => BaciParquet.ReadFlows(dir.File("second"))).Message, StringComparison.Ordinal);
        File.WriteAllText(second, "{\"format\":");
        Assert.Contains("is not valid JSON", Assert.Throws<TradeDataException>(() => BaciParquet.ReadManifest(second)).Message, StringComparison.Ordinal);
    }

    /// <summary>A year file replaced by one with the converter's schema and metadata, the manifest's sizes made to match:
    /// the rows themselves are still checked.</summary>
    [Theory]
    [InlineData("XXX", 5.0, (byte)0, "row 2: column 'exporter': 'XXX' is not a known country code (the converter writes ISO 3166-1 alpha-3 or ROW)")]
    [InlineData("KEN", -5.0, (byte)0, "row 2: column 'value_usd': '-5' is not a finite number ≥ 0")]
    [InlineData("CHN", 5.0, (byte)0, "row 2: A trade flow needs two different countries; both are CHN.")]
    public async Task A_year_file_with_rows_the_converter_never_writes_is_refused_by_row(string exporter, double value, byte decimals, string expected)
    {
        using var dir = Fixtures.TempDir();
        var outDir = dir.File("out");
        var manifest = BaciParquet.Convert(BaciZips.Hs17(dir.Root), outDir, new BaciParquetOptions { FirstYear = 2022 });
        var file = Path.Combine(outDir, "year=2022.parquet");
        Parquet.Schema.DataField[] fields =
        [
            new Parquet.Schema.DataField<int>("year"), new Parquet.Schema.DataField<string>("exporter", false), new Parquet.Schema.DataField<string>("importer", false),
            new Parquet.Schema.DataField<string>("hs", false), new Parquet.Schema.DataField<double>("value_usd"), new Parquet.Schema.DataField<double?>("quantity_kg"),
            new Parquet.Schema.DataField<string>("source", false), new Parquet.Schema.DataField<byte>("value_decimals"), new Parquet.Schema.DataField<byte>("quantity_decimals"),
        ];
        await using (var stream = File.Create(file))
        await using (var writer = await ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), stream, cancellationToken: TestContext.Current.CancellationToken))
        {
            writer.CustomMetadata = new Dictionary<string, string>
            {
                ["tradebalance.baci.hs_revision"] = "HS17",
                ["tradebalance.baci.year"] = "2022",
                ["tradebalance.baci.source_sha256"] = manifest.SourceSha256,
            };
            using var group = writer.CreateRowGroup();
            var n = (int)manifest.Years[0].Rows;
            await group.WriteAsync<int>(fields[0], Enumerable.Repeat(2022, n).ToArray().AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.WriteAsync(fields[1], [.. Enumerable.Repeat("KEN", n - 1).Prepend("LKA").Select((e, i) => i == 1 ? exporter : e)]);
            await group.WriteAsync(fields[2], [.. Enumerable.Repeat("CHN", n)]);
            await group.WriteAsync(fields[3], [.. Enumerable.Range(0, n).Select(i => $"0902{i:D2}")]);
            await group.WriteAsync<double>(fields[4], Enumerable.Range(0, n).Select(i => i == 1 ? value : 1.0).ToArray().AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.WriteAsync<double>(fields[5], new double?[n].AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.WriteAsync(fields[6], [.. Enumerable.Repeat("x", n)]);
            await group.WriteAsync<byte>(fields[7], Enumerable.Repeat(decimals, n).ToArray().AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.WriteAsync<byte>(fields[8], new byte[n].AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
        }

        var manifestPath = Path.Combine(outDir, "manifest.json");
        var node = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, TestContext.Current.CancellationToken))!;
        node["years"]![0]!["bytes"] = new FileInfo(file).Length;
        node["totals"]!["bytes"] = new FileInfo(file).Length;
        await File.WriteAllTextAsync(manifestPath, node.ToJsonString(), TestContext.Current.CancellationToken);

        var e = Assert.Throws<TradeDataException>(() => BaciParquet.ReadFlows(outDir));
        Assert.Equal($"{file}: {expected}", e.Message);
    }

    [Theory]
    [InlineData("BACI_HS92_Y1995_V202401b.csv", "HS92", 1995, "V202401b")]
    [InlineData("BACI_HS96_Y1996_V202501.csv", "HS96", 1996, "V202501")]
    [InlineData("BACI_HS02_Y2002_V202501.csv", "HS02", 2002, "V202501")]
    [InlineData("BACI_HS07_Y2007_V202501.csv", "HS07", 2007, "V202501")]
    [InlineData("BACI_HS12_Y2012_V202501.csv", "HS12", 2012, "V202501")]
    [InlineData("BACI_HS17_Y2022_V202501.csv", "HS17", 2022, "V202501")]
    [InlineData("baci_hs22_y2023_v202501.CSV", "HS22", 2023, "V202501")]
    public void The_revision_year_and_version_come_from_the_year_file_name(string name, string revision, int year, string version)
    {
        Assert.True(Internal.Baci.BaciReleaseName.TryYearFile(name, out var r, out var y, out var v));
        Assert.Equal((revision, year, version), (r, y, v));
    }

    [Theory]
    [InlineData("BACI_HS18_Y2022_V202501.csv")]
    [InlineData("BACI_HS17_Y22_V202501.csv")]
    [InlineData("BACI_HS17_Y2022_V2025.csv")]
    [InlineData("BACI_HS17_Y2022_V202501.txt")]
    [InlineData("BACI_HS17_Y2022_V202501_extra.csv")]
    [InlineData("product_codes_HS17_V202501.csv")]
    public void Other_names_are_not_year_files(string name) =>
        Assert.False(Internal.Baci.BaciReleaseName.TryYearFile(name, out _, out _, out _));

    private sealed class Collect(List<string> messages) : IProgress<string>
    {
        public void Report(string value) => messages.Add(value);
    }
}
