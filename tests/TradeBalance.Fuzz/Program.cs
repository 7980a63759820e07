using System.Diagnostics;
using System.Globalization;
using TradeBalance.Data.Tests.Fuzz;

// The long-running fuzzer over every reader (docs/reliability.md):
//   dotnet run -c Release --project tests/TradeBalance.Fuzz -- --seconds 600 --seed 1
// Options: --seconds N (total, shared equally by the readers; default 600), --seed N (default 1),
// --targets a,b (default: all), --timeout S (per input; default 10), --out DIR (findings; default fuzz-findings).
// Prints inputs tried and findings per reader; exits 1 when anything was found.
var ci = CultureInfo.InvariantCulture;
var seconds = 600d;
var seed = 1UL;
var timeout = TimeSpan.FromSeconds(10);
var outDir = "fuzz-findings";
IReadOnlyList<FuzzTarget> targets = FuzzTargets.All;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--seconds":
            seconds = double.Parse(Value(), ci);
            break;
        case "--seed":
            seed = ulong.Parse(Value(), ci);
            break;
        case "--timeout":
            timeout = TimeSpan.FromSeconds(double.Parse(Value(), ci));
            break;
        case "--out":
            outDir = Value();
            break;
        case "--targets":
            targets = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(FuzzTargets.Get)];
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}; options: --seconds N --seed N --targets a,b --timeout S --out DIR (targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))})");
            return 2;
    }
}

var share = TimeSpan.FromSeconds(seconds / targets.Count);
Console.WriteLine($"TradeBalance fuzz: seed {seed}, {seconds.ToString(ci)} s over {targets.Count} reader(s) ({share.TotalSeconds.ToString("F0", ci)} s each), per-input timeout {timeout.TotalSeconds.ToString(ci)} s");
var found = 0;
var total = 0L;
foreach (var target in targets)
{
    // The reader runs on its own thread; this thread is the watchdog that catches a hung input.
    var current = (Number: -1L, Input: Array.Empty<byte>(), Started: 0L);
    var gate = new object();
    FuzzReport? report = null;
    var worker = new Thread(() => report = FuzzEngine.Run(target, seed, null, share, minimise: true, (n, input) =>
    {
        lock (gate)
        {
            current = (n, input, Stopwatch.GetTimestamp());
        }
    }))
    { IsBackground = true, Name = "fuzz " + target.Name };
    worker.Start();
    while (!worker.Join(200))
    {
        (long Number, byte[] Input, long Started) now;
        lock (gate)
        {
            now = current;
        }

        if (now.Number >= 0 && Stopwatch.GetElapsedTime(now.Started) > timeout)
        {
            var path = Save(outDir, target.Name, "hang", now.Number, now.Input);
            Console.WriteLine($"{target.Name}: HANG: input #{now.Number.ToString(ci)} ({now.Input.Length.ToString(ci)} bytes) still running after {timeout.TotalSeconds.ToString(ci)} s; saved to {path}");
            return 1; // the hung thread cannot be stopped; end the run
        }
    }

    Console.WriteLine(report);
    total += report!.Tried;
    foreach (var f in report.Findings)
    {
        found++;
        Save(outDir, target.Name, "input", f.Iteration, f.Input);
        Save(outDir, target.Name, "minimised", f.Iteration, f.Minimised);
    }
}

Console.WriteLine($"total: {total.ToString(ci)} inputs, {found.ToString(ci)} finding(s){(found > 0 ? $" (inputs saved under {outDir})" : string.Empty)}");
return found == 0 ? 0 : 1;

static string Save(string dir, string target, string kind, long number, byte[] bytes)
{
    Directory.CreateDirectory(dir);
    var path = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"{target}-{number}-{kind}.bin"));
    File.WriteAllBytes(path, bytes);
    return path;
}
