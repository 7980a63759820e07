using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// Every reader refuses bad input with <see cref="TradeDataException"/> naming the file, the line
/// and the offending value: one row per rule.
/// </summary>
public class BadInputTests
{
    private const string Flows = "year,exporter,importer,hs,value_usd,quantity_kg\n";
    private const string Tariffs = "importer,exporter,hs,rate_percent,valid_from,valid_to\n";
    private const string Rates = "base,quote,as_of,rate,basis\n";
    private const string Totals = "year,exporter,importer,value,currency,period,basis\n";
    private const string Comtrade = "classificationCode,reporterCode,flowCode,partnerCode,cmdCode,refYear,primaryValue\n";
    private const string Baci = "t,i,j,k,v,q\n";
    private const string Wits = "Reporter,Partner,Product,Tariff Year,DutyType,Simple Average\n";
    private const string Projection = "importer,exporter,hs,baseline_usd,tariff_before_percent,tariff_after_percent,trade_creation_usd,trade_diversion_usd,projected_usd,baseline_share,projected_share\n";
    private const string Groups = "group,member,joined,left,name,kind\n";
    private const string Scenario = "\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"effective\":\"2026-05-01\"";

    public static TheoryData<string, string, int, string> Cases => new()
    {
        // groups file, and group codes where a country is expected
        { "groups", Groups + "XB1,XXX,,,,\n", 2, "column 'member': 'XXX' is not a known country code" },
        { "groups", Groups + "XB2,KEN,2000-01-01,,,\nXB2,KEN,1990-01-01,2000-06-30,,\n", 2, "overlap" },
        { "groups", Groups + "XB3,KEN,,,,customs union\n", 2, "column 'kind': 'customs union' is not a kind of group" },
        { "groups", Groups + "CHN,KEN,,,,\n", 2, "column 'group': 'CHN' is an ISO 3166-1 country code (China)" },
        { "tariffs", Tariffs + "CHN,*,0902,15,,\nCHN,LDC,0902,0,1950-01-01,1960-12-31\n", 3, "column 'exporter': 'LDC' is a group (Least developed countries (UN list)) with no members other than the importer while the row is in force" },
        // flows.csv
        { "flows", Flows + "2024,XXX,CHN,0902,1,\n", 2, "column 'exporter': 'XXX' is not a known country code" },
        { "flows", Flows + "2024,KEN,CHN,902,1,\n", 2, "column 'hs': '902' is not an HS code" },
        { "flows", Flows + "2024,KEN,CHN,0902,-5,\n", 2, "column 'value_usd': '-5' is negative" },
        { "flows", Flows + "2024,KEN,CHN,0902,12a,\n", 2, "column 'value_usd': '12a' is not a number" },
        { "flows", Flows + "2024,KEN,CHN,0902,\"1,000\",\n", 2, "'1,000' is not a number" },
        { "flows", "year,exporter,importer,hs\n2024,KEN,CHN,0902\n", 1, "column 'value_usd': required column is missing" },
        { "flows", Flows + "2024,KEN,CHN,0902,1,\n2024,LKA,CHN,0902,1,2,3\n", 3, "has 7 fields but the header has 6" },
        { "flows", Flows + "2024,KEN,CHN,0902,1,\n2024,KEN,CHN,0902,2,\n", 3, "duplicate flow KEN→CHN HS 0902 2024: line 2" },
        { "flows", Flows + "20x4,KEN,CHN,0902,1,\n", 2, "column 'year': '20x4' is not a whole number" },
        { "flows", Flows + "1850,KEN,CHN,0902,1,\n", 2, "'1850' is out of range (1900 to 2200)" },
        { "flows", Flows + "2024,CHN,CHN,0902,1,\n", 2, "column 'importer': 'CHN' is also the exporter" },
        { "flows", Flows + "2024,KEN,CHN,0902,1,-1\n", 2, "column 'quantity_kg': '-1' is negative" },
        { "flows", "# one\n# two\n" + Flows + "2024,KEN,CHN,09X2,1,\n", 4, "'09X2' is not an HS code" },
        { "flows", Flows + "2024,KEN,CHN,,1,\n", 2, "column 'hs': '' is empty; a value is required" },
        { "flows", "# only a comment\n", 2, "the file has no header row" },

        // tariffs.csv
        { "tariffs", Tariffs + "CHN,*,0902,-1,,\n", 2, "column 'rate_percent': '-1' is negative" },
        { "tariffs", Tariffs + "CHN,*,0902,15,2024-13-01,\n", 2, "column 'valid_from': '2024-13-01' is not an ISO date" },
        { "tariffs", Tariffs + "CHN,*,0902,15,2021-01-01,2020-01-01\n", 2, "column 'valid_to': '2020-01-01' is before valid_from 2021-01-01" },
        { "tariffs", Tariffs + "CHN,*,0902,15,,2020-12-31\nCHN,*,0902,10,2020-06-01,\n", 3, "'2020-06-01' overlaps line 2" },
        { "tariffs", Tariffs + "CHN,CHN,0902,0,,\n", 2, "column 'exporter': 'CHN' is the importer itself" },
        { "tariffs", Tariffs + "ZZZ,*,0902,15,,\n", 2, "column 'importer': 'ZZZ' is not a known country code" },

        // exchange-rates.csv
        { "rates", Rates + "USD,XYZ,2024-01-01,1,daily\n", 2, "column 'quote': 'XYZ' is not an ISO 4217 currency code" },
        { "rates", Rates + "USD,KES,2024-01-01,130,yearly\n", 2, "column 'basis': 'yearly' is not a basis" },
        { "rates", Rates + "USD,KES,2024-01-01,0,daily\n", 2, "column 'rate': '0' is zero" },
        { "rates", Rates + "USD,KES,2024-01-01,130,daily\nUSD,KES,2024-01-01,131,daily\n", 3, "'2024-01-01' repeats line 2" },
        { "rates", Rates + "USD,KES,2024-01-01,130,annual-average\nUSD,KES,2024-07-01,131,annual-average\n", 3, "'2024-07-01' repeats line 2: a second USD/KES annual average for 2024" },

        // bilateral-totals.csv
        { "totals", Totals + "2024,KEN,CHN,1,USD,q1,kenya-reported\n", 2, "column 'period': 'q1' is not a period" },
        { "totals", Totals + "2024,KEN,CHN,1,US$,full-year,kenya-reported\n", 2, "column 'currency': 'US$' is not an ISO 4217 currency code" },

        // UN Comtrade
        { "comtrade", Comtrade + "H6,156,M,9999,0902,2024,10\n", 2, "column 'partnerCode': '9999' is not a country code" },
        { "comtrade", Comtrade + "S3,156,M,404,0902,2024,10\n", 2, "column 'classificationCode': 'S3' is not a Harmonized System classification" },
        { "comtrade", Comtrade + "H6,156,M,404,0902,2024,-10\n", 2, "column 'primaryValue': '-10' is negative" },
        { "comtrade", Comtrade + "H6,156,M,404,0902,2024,10\nH6,156,M,404,0902,2024,11\n", 3, "duplicate flow KEN→CHN HS 0902 2024: line 2" },

        // CEPII BACI
        { "baci", Baci + "2022,404,156,1234,1,1\n", 2, "column 'k': '1234' is not a 6-digit HS code" },
        { "baci", Baci + "2022,999,156,090240,1,1\n", 2, "column 'i': '999' is not an ISO 3166-1 numeric" },
        { "baci", Baci + "2022,404,156,090240,abc,1\n", 2, "column 'v': 'abc' is not a number" },
        { "baci", Baci + "2022,404,156,090240,1,x\n", 2, "column 'q': 'x' is not a number" },

        // WITS
        { "wits", Wits + "CHN,WLD,090240,2023,XYZ,15\n", 2, "column 'DutyType': 'XYZ' is not a WITS duty type" },
        { "wits", Wits + "CHN,WLD,090240,2023,MFN,15\nCHN,KEN,090240,2023,MFN,12\n", 3, "conflicts with line 2" },
        { "wits", Wits + "917,WLD,090240,2023,MFN,15\n", 2, "column 'Reporter': '917' is not a country code" },
        { "wits", Wits + "CHN,WLD,090240,2023,MFN,-3\n", 2, "column 'Simple Average': '-3' is negative" },

        // scenario.json
        { "scenario", "{\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\"}", 1, "$.importer: is required but missing" },
        { "scenario", "{" + Scenario + ",\n\"newRatePercent\":0,\n\"cutPoints\":2}", 3, "$.cutPoints: '2' conflicts with newRatePercent" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"elasticities\":{\"default\":{\"exportSupply\":\"lots\"}}}", 2, "$.elasticities.default.exportSupply: 'lots' is not an export-supply elasticity" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"elasticities\":{\"default\":{\"importDemand\":1.5}}}", 2, "$.elasticities.default.importDemand: '1.5' is out of range" },
        { "scenario", "{\n" + Scenario + ",\"newRatePercent\":0,,}", 2, "is not valid JSON" },
        { "scenario", "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\",\n\"XX\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\"}", 2, "$.beneficiaries[1]: 'XX' is not a known country code" },
        { "scenario", "{\"importer\":\"CHN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\",\n\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\"}", 2, "$.hs[1]: '0902' is listed twice" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"stages\":\"two\"}", 2, "$.stages: 'two' must be a whole number" },
        { "scenario", "{" + Scenario.Replace("2026-05-01", "01/05/2026", StringComparison.Ordinal) + ",\"newRatePercent\":0}", 1, "$.effective: '01/05/2026' is not an ISO date" },

        // A NUL inside a quoted field reaches the value's parser (outside quotes the line layer refuses it first, below).
        { "flows", Flows + "2024,KEN,CHN,0902,\"1\0\",\n", 2, "column 'value_usd': '1\\x00' is not a number" },
        { "flows", Flows + "\"2024\0\",KEN,CHN,0902,1,\n", 2, "column 'year': '2024\\x00' is not a whole number" },
        { "rates", Rates + "USD,KES,2024-01-01,\"130\0\",daily\n", 2, "column 'rate': '130\\x00' is not a number" },

        // Class (third round): a C0 control outside a quoted field is refused by the line layer, with its line and column
        // (a line starting with NUL used to vanish).
        { "flows", Flows + "2024,KEN,CHN,0902,1\0,\n", 2, "column 'value_usd': holds a NUL byte (U+0000) outside a quoted field" },
        { "flows", Flows + "\02024,KEN,CHN,0902,1,\n", 2, "column 'year': holds a NUL byte (U+0000) outside a quoted field" },
        { "flows", Flows + "2024,KEN,CHN,0902,1,\n\0\0\0\0\0\0\0\0\n2024,UGA,CHN,0902,1,\n", 3, "holds a NUL byte (U+0000) outside a quoted field; a text file has none" },
        { "rates", Rates + "USD,KES,2024-01-01,130,daily\u001A\n", 2, "column 'basis': holds the control character U+001A outside a quoted field" },

        // projection output
        { "projection", Projection + "CHN,KEN,0902,20,15,0,1,2,23,0.1,1.5\n", 2, "column 'projected_share': '1.5' is not a share" },

        // Added by the reliability catalogue (docs/reliability.md): more rules per file.
        { "flows", "year,exporter,importer,hs,value_usd,value_usd\n2024,KEN,CHN,0902,1,2\n", 1, "column 'value_usd': appears twice in the header (columns 5 and 6)" },
        { "flows", Flows + "2024,KEN,CHN,0902,1e400,\n", 2, "column 'value_usd': '1e400' is not a number" },
        { "flows", Flows + "2024,KEN,CHN,0902,NaN,\n", 2, "column 'value_usd': 'NaN' is not a number" },
        { "flows", Flows + "\n\n2024,KEN,CHN,0902,1,\n2024,KEN,CHN,0902\n", 5, "has 4 fields but the header has 6" },
        { "flows", "year,exporter,importer,hs,value_usd,source\n2024,KEN,CHN,0902,1,\"line one\nline two\"\n2024,XX,CHN,0902,1,\n", 4, "column 'exporter': 'XX' is not a known country code" },
        { "tariffs", "importer,exporter,hs,rate_percent,regime\nCHN,ETH,0902,0,LDC\nCHN,UGA,0902,0,LDC\nCHN,ETH,0901,0,LDC\n", 4, "column 'regime': 'LDC' group line HS 0901 lacks a row for member(s) UGA" },
        { "tariffs", "importer,exporter,hs,rate_percent,regime\nCHN,KEN,0902,0,MFN\n", 2, "column 'regime': 'MFN' names the MFN regime but the exporter is a country" },
        { "tariffs", "importer,exporter,hs,rate_percent,regime\nCHN,*,0902,0,LDC\n", 2, "column 'regime': 'LDC' names a preference group but the exporter is '*'" },
        { "tariffs", Tariffs + "CHN,*,0902,15,,\nKEN,*,0902,25,,\n", 3, "column 'importer': 'KEN' differs from CHN (line 2)" },
        { "tariffs", Tariffs, 1, "column 'importer': the file has no tariff rows" },
        { "tariffs", Tariffs + "CHN,*,0902,15%,,\n", 2, "column 'rate_percent': '15%' is not a number" },
        { "rates", Rates + "USD,USD,2024-01-01,1,daily\n", 2, "column 'quote': 'USD' equals the base currency" },
        { "rates", Rates + "USD,KES,2024-01-01,-129,daily\n", 2, "column 'rate': '-129' is negative" },
        { "rates", Rates + "USD,KES,01/01/2024,129,daily\n", 2, "column 'as_of': '01/01/2024' is not an ISO date" },
        { "totals", Totals + "2024,KEN,KEN,1,USD,full-year,kenya-reported\n", 2, "column 'importer': 'KEN' is also the exporter" },
        { "totals", Totals + "2024,KEN,CHN,1,USD,full-year,Kenya Reported\n", 2, "column 'basis': 'Kenya Reported' is not a basis" },
        { "comtrade", Comtrade + "H6,0,M,404,0902,2024,10\n", 2, "column 'reporterCode': '0' is World" },
        { "comtrade", Comtrade + "H6,899,M,404,0902,2024,10\n", 2, "column 'reporterCode': '899' is an 'area, nes'" },
        { "comtrade", "reporter,partner,commodity,value\nCHN,KEN,0902,10\n", 1, "is not a UN Comtrade header" },
        { "comtrade", Comtrade + "H6,156,M,404,0902,24,10\n", 2, "column 'refYear': '24' is out of range (1900 to 2200)" },
        { "baci", Baci + "2022,404,156,09024000,1,1\n", 2, "column 'k': '09024000' is not a 6-digit HS code" },
        { "baci", Baci + "2022,404,156,090240,7.9E+26,1\n", 2, "column 'v': '7.9E+26' is outside the numeric domain" },
        { "baci", "t,i,j,k\n2022,404,156,090240\n", 1, "column 'v': required column is missing" },
        { "wits", Wits + "CHN,ASEAN,090240,2023,PRF,0\n", 2, "column 'Partner': 'ASEAN' is not a country code or a preference group given in WitsReadOptions.PreferenceGroups" },
        { "wits", Wits + "CHN,CHN,090240,2023,PRF,0\n", 2, "column 'Partner': 'CHN' is the reporter itself" },
        { "wits", Wits + "CHN,WLD,tea,2023,MFN,15\n", 2, "column 'Product': 'tea' is not an HS code" },
        { "wits", Wits + "CHN,WLD,090240,23,MFN,15\n", 2, "column 'Tariff Year': '23' is out of range" },
        { "projection", Projection + "CHN,KEN,0902,20,15,0,1,2,23,0.1,0.2\nCHN,KEN,0902,20,15,0,1,2,23,0.1,0.2\n", 3, "repeats market CHN 0902 supplier KEN of line 2" },
        { "projection", Projection + "CHN,KEN,0902,20,-15,0,1,2,23,0.1,0.2\n", 2, "column 'tariff_before_percent': '-15' is negative" },
        { "scenario", "[\"CHN\"]", 1, "$: must be an object, not an array" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"importr\":\"CHN\"}", 2, "$.importr: unknown field 'importr'" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"stages\":0}", 2, "$.stages: '0' is out of range (1 to 100)" },
        { "scenario", "{" + Scenario + ",\n\"cutPercent\":120}", 2, "$.cutPercent: '120' is out of range (0 to 100 percent of the rate)" },
        { "scenario", "{" + Scenario + ",\n\"newRatePercent\":-1}", 2, "$.newRatePercent: '-1' is negative" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"model\":\"cge\"}", 2, "$.model: 'cge' is not a model" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"monteCarlo\":{\"draws\":0}}", 2, "$.monteCarlo.draws: '0' is out of range" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"monteCarlo\":{\"spread\":1}}", 2, "$.monteCarlo.spread: '1' is out of range" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\"elasticities\":{\"byHs\":{\n\"TOTAL\":{\"substitution\":2}}}}", 2, "$.elasticities.byHs.TOTAL: 'TOTAL' is not an HS code" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\"elasticities\":{\"byHs\":{\n\"0902\":{\"source\":\"x\"}}}}", 2, "$.elasticities.byHs.0902: sets no elasticity" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"elasticities\":{\"default\":{\"exportSupply\":0}}}", 2, "$.elasticities.default.exportSupply: '0' must be positive" },
        { "scenario", "{\"importer\":\"CHN\",\"beneficiaries\":[],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\"}", 1, "$.beneficiaries: must list at least one beneficiary" },
        { "scenario", "{\"importer\":\"CHN\",\n\"beneficiaries\":[\"CHN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\"}", 2, "$.beneficiaries: the importer CHN cannot be its own beneficiary" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"name\":\"a\",\n\"name\":\"b\"}", 3, "$.name: field 'name' appears twice" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0}\n{}", 2, "is not valid JSON" },
        { "scenario", "", 1, "is empty; a JSON object is expected" },
        { "scenario", "\uFEFF \n\t\n", 3, "is empty; a JSON object is expected" },
        { "scenario", "{" + Scenario.Replace("2026-05-01", "2026-02-29", StringComparison.Ordinal) + ",\"newRatePercent\":0}", 1, "$.effective: '2026-02-29' is not an ISO date" },

        // Messages in our own words, safe to print (issue 15, class 8): no Sylvan.Data.Csv or System.Text.Json
        // wording, control and bidi characters escaped, long values cut (C0 controls quoted: outside quotes the line
        // layer refuses them first).
        { "flows", Flows + "2024,KEN,CHN,0902,\"5\"x,\n", 2, "column 'value_usd': has malformed quoting: a closing quote is followed by 'x'" },
        { "flows", Flows + "2024,KEN,CHN,0902,1,\"kg\n", 2, "column 'quantity_kg': has malformed quoting" },
        { "flows", Flows + "2024,KEN,CHN,0902,1,\"" + string.Concat(Enumerable.Repeat(new string('x', 1023) + "\n", 16_400)) + "\"\n", 2, "starts a record longer than 16,777,216 characters" },
        { "flows", Flows + "2024,\"K\u001b[31mEN\",CHN,0902,1,\n", 2, "column 'exporter': 'K\\x1B[31mEN' is not a known country code" },
        { "flows", Flows + "2024,KEN,CHN\u202E,0902,1,\n", 2, "column 'importer': 'CHN\\u202E' is not a known country code" },
        { "flows", Flows + "2024,\"KE\u0000N\",CHN,0902,1,\n", 2, "column 'exporter': 'KE\\x00N' is not a known country code" },
        { "flows", "year,exporter\u2066,importer,hs,value_usd\n2024,KEN,CHN,0902,1\n", 1, "(the header has: year, exporter\\u2066, importer, hs, value_usd)" },
        { "flows", Flows + "2024,KEN,CHN,0902," + new string('9', 5000) + "x,\n", 2, "column 'value_usd': '" + new string('9', 160) + "… (5,001 characters)' is not a number" },
        { "tariffs", Tariffs + "CHN,*,0902,\"1\u0007\",,\n", 2, "column 'rate_percent': '1\\x07' is not a number" },
        { "rates", Rates + "USD,KES,2024-01-01,130,da\u009Bily\n", 2, "column 'basis': 'da\\u009Bily' is not a basis" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,}", 1, "is not valid JSON at column 101: a comma before the closing '}' (JSON allows no comma after the last item)" },
        { "scenario", "{\"importer\":\"CHN\",\n\"beneficiaries\":[\"KEN\",],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\"}", 2, "is not valid JSON at column 24: a comma before the closing ']'" },
        { "scenario", "{" + Scenario + ",\n// zero\n\"newRatePercent\":0}", 2, "is not valid JSON at column 1: a comment (JSON has no comments)" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"name\":\"tea\u001b]0;pwned\u0007\"}", 2, "is not valid JSON at column 12: a control character, \\x1B (inside a string JSON writes it as \\u001b)" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"name\":'tea'}", 2, "is not valid JSON at column 8: a single quote (JSON strings take double quotes)" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0", 1, "is not valid JSON: the text ends before the JSON value is complete" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"monteCarlo\":{\"draws\":1.5}}", 2, "$.monteCarlo.draws: '1.5' must be a whole number" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"monteCarlo\":{\"draws\":1e10}}", 2, "$.monteCarlo.draws: '1e10' is outside the whole numbers this field takes (-2,147,483,648 to 2,147,483,647)" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"stages\":2.0}", 2, "$.stages: '2.0' must be written as a whole number, without a decimal point or exponent" },
        { "scenario", "{" + Scenario + ",\"newRatePercent\":0,\n\"import\u202Er\":\"CHN\"}", 2, "$.import\\u202Er: unknown field 'import\\u202Er'" },
        { "scenario", "{\"importer\":\"CH\\u001bN\",\"beneficiaries\":[\"KEN\"],\"hs\":[\"0902\"],\"newRatePercent\":0,\"effective\":\"2026-05-01\"}", 1, "$.importer: 'CH\\x1BN' is not a known country code" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_throws_with_file_line_and_value(string kind, string text, int line, string fragment)
    {
        var file = kind switch
        {
            "flows" => "flows.csv",
            "tariffs" => "tariffs.csv",
            "rates" => "exchange-rates.csv",
            "totals" => "bilateral-totals.csv",
            "scenario" => "scenario.json",
            _ => kind + ".csv",
        };
        var e = Assert.Throws<TradeDataException>(() => Read(kind, text, file));
        Assert.Equal(file, e.FileName);
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"{file}:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    /// <summary>The columnar BACI reader refuses every bad BACI input of the catalogue with the same file, line and message.</summary>
    [Fact]
    public void BaciReader_ReadColumns_refuses_every_BACI_case_the_same_way()
    {
        var n = 0;
        foreach (var row in Cases)
        {
            var data = ((ITheoryDataRow)row).GetData();
            if ((string)data[0]! != "baci")
            {
                continue;
            }

            var text = (string)data[1]!;
            var e = Assert.Throws<TradeDataException>(() => BaciReader.ReadColumns(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "baci.csv").Value.ToTradeDataSet());
            Assert.Equal((int)data[2]!, e.Line);
            Assert.Contains((string)data[3]!, e.Message, StringComparison.Ordinal);
            n++;
        }

        Assert.True(n >= 6, $"{n} BACI cases");
    }

    [Fact]
    public void There_are_at_least_90_cases()
    {
        Assert.True(Cases.Count >= 90, $"{Cases.Count} cases");
    }

    /// <summary>Reads the text with the reader for the kind (also used by <see cref="MessageSafetyTests"/>).</summary>
    internal static object Read(string kind, string text, string file)
    {
        var reader = new StringReader(text);
        return kind switch
        {
            "flows" => FlowsCsv.Read(reader, file),
            "tariffs" => TariffsCsv.Read(reader, file),
            "rates" => ExchangeRatesCsv.Read(reader, file),
            "totals" => BilateralTotalsCsv.Read(reader, file),
            "groups" => CountryGroupsCsv.Read(reader, file),
            "comtrade" => ComtradeReader.Read(reader, file),
            "baci" => BaciReader.Read(reader, file),
            "baci-columns" => BaciReader.ReadColumns(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), file).Value.ToTradeDataSet(),
            "wits" => WitsTariffReader.Read(reader, file),
            "projection" => ProjectionCsv.Read(reader, file),
            "scenario" => ScenarioJson.Parse(text, file),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
