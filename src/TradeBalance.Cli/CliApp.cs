using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradeBalance.Data;

namespace TradeBalance.Cli;

/// <summary>The command tree, and the one place errors become exit codes and one-sentence messages.</summary>
internal static class CliApp
{
    /// <summary>Runs the tool with the given arguments, writing to the given streams; returns the exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors and progress go.</param>
    /// <param name="stdin">What an input given as <c>-</c> reads; null: the process's standard input.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdin = null)
    {
        Inputs.StandardInput = stdin;
        var verbose = new Option<bool>("--verbose") { Description = "Show the full exception when something fails.", Recursive = true };
        var root = new RootCommand("tradebalance: project what tariff changes do to trade flows, market shares and bilateral balances. With no options, 'project' answers the Kenya–China question on the embedded data.");
        var timings = new Option<bool>("--timings") { Description = "Print each step's time and memory to standard error (for large inputs).", Recursive = true };
        root.Options.Add(verbose);
        root.Options.Add(timings);
        root.Subcommands.Add(ProjectCommand.Create(stdout));
        root.Subcommands.Add(BalanceCommand.Create(stdout));
        root.Subcommands.Add(SensitivityCommand.Create(stdout, stderr));
        root.Subcommands.Add(CompareCommand.Create(stdout));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"tradebalance: {e.Message}");
            }

            stderr.WriteLine("Run 'tradebalance --help' for usage.");
            return ExitCodes.Usage;
        }

        // Progress lines go to a terminal only: never into a file or pipe that collects the errors.
        var stderrIsTerminal = ReferenceEquals(stderr, System.Console.Error) && !System.Console.IsErrorRedirected;
        Steps.Report(parse.GetValue(timings) ? stderr : null, stderrIsTerminal ? stderr : null);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var (code, message) = Classify(e);
            stderr.WriteLine($"tradebalance: {message}");
            if (parse.GetValue(verbose))
            {
                stderr.WriteLine(e.ToString());
            }

            return code;
        }
    }

    /// <summary>Maps an exception to an exit code and a one-sentence message.</summary>
    internal static (int Code, string Message) Classify(Exception e) => e switch
    {
        UsageException u => (ExitCodes.Usage, u.Message),
        TradeDataException d => (ExitCodes.BadData, d.Message),
        FileNotFoundException f => (ExitCodes.Usage, $"file '{f.FileName}' does not exist."),
        DirectoryNotFoundException d => (ExitCodes.Usage, d.Message),
        CurrencyMismatchException c => (ExitCodes.BadData, c.Message),
        KeyNotFoundException k => (ExitCodes.BadData, k.Message),
        ArgumentException a => (ExitCodes.BadData, a.Message),
        FormatException f => (ExitCodes.BadData, f.Message),
        _ => (ExitCodes.Failure, $"{e.GetType().Name}: {e.Message}"),
    };

    /// <summary>Gets or sets the buffered writer over the process's standard output, when the tool runs as a process (tests pass their own writers).</summary>
    internal static TextWriter? ProcessStdout { get; set; }

    /// <summary>A Spectre console writing to <paramref name="writer"/>: colours only on a real terminal, a fixed wide layout otherwise so output is reproducible.</summary>
    internal static IAnsiConsole Console(TextWriter writer)
    {
        var terminal = (ReferenceEquals(writer, System.Console.Out) || ReferenceEquals(writer, ProcessStdout)) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 150;
        }

        console.Profile.Encoding = System.Text.Encoding.UTF8;
        return console;
    }

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
