using System.Diagnostics;
using System.Globalization;

namespace TradeBalance.Cli;

/// <summary>
/// The steps of a run, as the user sees them on standard error: with <c>--timings</c>, each step's
/// wall time and the bytes it allocated, one line as it ends; on a terminal, a progress line for any
/// step that takes longer than a second. Standard output never carries either, so CSV and JSON stay clean.
/// </summary>
internal static class Steps
{
    private static readonly TimeSpan ProgressAfter = TimeSpan.FromSeconds(1);

    // Per thread: tests run the tool on several threads at once, each with its own writers.
    [ThreadStatic]
    private static TextWriter? _timings;

    [ThreadStatic]
    private static TextWriter? _progress;

    /// <summary>Gets where this thread's run reports timings (null: nowhere), to hand to a step run on another thread.</summary>
    public static TextWriter? Timings => _timings;

    /// <summary>Gets where this thread's run may write progress lines: the terminal, else the timings' writer, else null (nowhere).</summary>
    public static TextWriter? ProgressWriter => _progress ?? _timings;

    /// <summary>Sets where this thread's run reports: timing lines (null: none) and progress lines (null: none; pass a terminal only).</summary>
    public static void Report(TextWriter? timings, TextWriter? progress)
    {
        _timings = timings;
        _progress = progress;
    }

    /// <summary>Runs a step, timing it and showing progress as configured.</summary>
    public static T Time<T>(string step, Func<T> work)
    {
        var (timings, progress) = (_timings, _progress);
        if (timings is null && progress is null)
        {
            return work();
        }

        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        using var ticker = progress is null ? null : new Ticker(progress, step, clock);
        var result = work();
        ticker?.Dispose();
        if (timings is not null)
        {
            var megabytes = (GC.GetTotalAllocatedBytes() - allocated) / 1e6;
            var line = string.Create(CultureInfo.InvariantCulture, $"timing: {Terminal.Plain(step)}: {clock.Elapsed.TotalSeconds:0.000} s, {megabytes:0} MB allocated, {Environment.WorkingSet / 1e6:0} MB working set");
            lock (timings)
            {
                // Steps on two threads (tariffs beside flows) share the writer.
                timings.WriteLine(line);
            }
        }

        return result;
    }

    /// <summary>Runs a step that returns nothing; see <see cref="Time{T}(string, Func{T})"/>.</summary>
    public static void Time(string step, Action work) => Time(step, () =>
    {
        work();
        return 0;
    });

    /// <summary>Rewrites one terminal line with the step and its elapsed seconds, from one second on; erases it when done.</summary>
    private sealed class Ticker : IDisposable
    {
        private readonly TextWriter _terminal;
        private readonly string _step;
        private readonly Stopwatch _clock;
        private readonly Timer _timer;
        private readonly Lock _gate = new();
        private bool _shown;
        private bool _done;

        public Ticker(TextWriter terminal, string step, Stopwatch clock)
        {
            _terminal = terminal;
            _step = Terminal.Plain(step); // a step can name a file
            _clock = clock;
            _timer = new Timer(_ => Tick(), null, ProgressAfter, ProgressAfter);
        }

        public void Dispose()
        {
            _timer.Dispose();
            lock (_gate)
            {
                if (_done)
                {
                    return;
                }

                _done = true;
                if (_shown)
                {
                    _terminal.Write("\r\u001b[K");
                    _terminal.Flush();
                }
            }
        }

        private void Tick()
        {
            lock (_gate)
            {
                if (_done)
                {
                    return;
                }

                _shown = true;
                _terminal.Write(string.Create(CultureInfo.InvariantCulture, $"\rtradebalance: {_step}… {_clock.Elapsed.TotalSeconds:0} s"));
                _terminal.Flush();
            }
        }
    }
}
