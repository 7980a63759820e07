using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradeBalance.Data;
using TradeBalance.Projections;

namespace TradeBalance.Cli;

/// <summary>
/// The command tree, and the one place errors become exit codes and one-line messages. Every error
/// prints as <c>tradebalance: file:line: field: message</c> (the parts that are known), escaped for the
/// terminal (<see cref="Terminal"/>): usage errors (options, their values, file names) exit 2, errors
/// in a file's content exit 3.
/// </summary>
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
        root.Subcommands.Add(BacktestCommand.Create(stdout));
        root.Subcommands.Add(BaciCommand.Create(stdout));
        root.Subcommands.Add(FetchCommand.Create(stdout, stderr));

        // Response files off: '@flows.csv' is a file name, not a list of arguments to read.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            // One line, as every error: what is wrong, the nearest names, and where the usage is.
            var parts = parse.Errors.Select(e => e.Message.TrimEnd()).Concat(Suggestions(parse)).Select(m => m.EndsWith('.') || m.EndsWith('?') ? m : m + ".");
            stderr.WriteLine(Terminal.ErrorLine(string.Join(" ", parts) + " Run 'tradebalance --help' for usage."));
            return ExitCodes.Usage;
        }

        // Progress lines go to a terminal only: never into a file or pipe that collects the errors.
        var stderrIsTerminal = (ReferenceEquals(stderr, System.Console.Error) || ReferenceEquals(stderr, ProcessStderr)) && !System.Console.IsErrorRedirected;
        Steps.Report(parse.GetValue(timings) ? stderr : null, stderrIsTerminal ? stderr : null);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var (code, message) = Classify(e);
            stderr.WriteLine(Terminal.ErrorLine(message));
            if (parse.GetValue(verbose))
            {
                stderr.WriteLine(Terminal.PlainLines(e.ToString()));
            }

            return code;
        }
    }

    /// <summary>
    /// "did you mean '--draws'?" for each unrecognised token that is close to a command (when no command was given) or
    /// to an option of the command being parsed: one edit per three letters, or a prefix of a single name.
    /// </summary>
    internal static IEnumerable<string> Suggestions(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        foreach (var token in parse.UnmatchedTokens.Distinct(StringComparer.Ordinal))
        {
            IEnumerable<string> names = token.StartsWith('-')
                ? command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name))
                : command.Subcommands.Select(c => c.Name);
            var candidates = names.Distinct(StringComparer.Ordinal).ToList();
            var close = candidates.Where(n => Distance(token, n) <= Math.Max(1, n.Length / 3)).ToList();
            if (close.Count == 0)
            {
                close = candidates.Where(n => token.Length >= 3 && n.StartsWith(token, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (close.Count is > 0 and <= 3)
            {
                yield return $"'{token}': did you mean {string.Join(" or ", close.Select(n => $"'{n}'"))}?";
            }
        }
    }

    /// <summary>The edit distance between two words (insertions, deletions, substitutions, adjacent swaps), case-insensitive.</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// Maps an exception to an exit code and a one-line message (not yet escaped: <see cref="Terminal.ErrorLine"/>
    /// does that). Option values are checked before anything runs, so an exception from the library means
    /// the files' content does not fit (exit 3); the message never carries a .NET type or parameter name.
    /// </summary>
    internal static (int Code, string Message) Classify(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Classify(a.InnerExceptions[0]),
        UsageException u => (ExitCodes.Usage, u.Message),
        TradeDataException d => (ExitCodes.BadData, d.Message),
        Data.Fetch.FetchException f => (ExitCodes.Failure, f.Message),
        FileNotFoundException f => (ExitCodes.Usage, $"file '{f.FileName}' does not exist."),
        DirectoryNotFoundException => (ExitCodes.Usage, WithoutParameter(e)),
        CurrencyMismatchException c => (ExitCodes.BadData, c.Message),
        ProjectionException p => (ExitCodes.BadData, p.Message),
        KeyNotFoundException k => (ExitCodes.BadData, k.Message),
        ArgumentException a => (ExitCodes.BadData, WithoutParameter(a)),
        FormatException f => (ExitCodes.BadData, f.Message),
        IOException or UnauthorizedAccessException => (ExitCodes.Failure, e.Message),
        _ => (ExitCodes.Failure, $"unexpected error: {WithoutParameter(e)} (run again with --verbose for the details)"),
    };

    /// <summary>
    /// The message without what .NET appends for developers: <c> (Parameter 'x')</c> (also nested, from an
    /// inner message) and an out-of-range exception's <c>Actual value was …</c> line.
    /// </summary>
    internal static string WithoutParameter(Exception e)
    {
        var message = e.Message;
        if (e is ArgumentOutOfRangeException { ActualValue: not null })
        {
            var lastLine = message.LastIndexOf('\n');
            message = lastLine > 0 ? message[..lastLine].TrimEnd('\r') : message;
        }

        if (e is ArgumentException { ParamName: { Length: > 0 } name })
        {
            // The suffix as this runtime words it (it is localised): the message of an exception with an empty one.
            var suffix = new ArgumentException(string.Empty, name).Message;
            message = message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
        }

        return System.Text.RegularExpressions.Regex.Replace(message, @" \(Parameter '[^']*'\)", string.Empty).Trim();
    }

    /// <summary>Gets or sets the buffered writer over the process's standard output, when the tool runs as a process (tests pass their own writers).</summary>
    internal static TextWriter? ProcessStdout { get; set; }

    /// <summary>Gets or sets the process's standard error writer (<see cref="StandardErrorWriter"/>), so that a writer can tell it is the terminal's.</summary>
    internal static TextWriter? ProcessStderr { get; set; }

    /// <summary>Whether the user asked for no colour: <c>NO_COLOR</c> set to anything but the empty string (no-color.org).</summary>
    internal static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>A Spectre console writing to <paramref name="writer"/>: colours only on a real terminal, a fixed wide layout otherwise so output is reproducible.</summary>
    internal static IAnsiConsole Console(TextWriter writer)
    {
        var terminal = (ReferenceEquals(writer, System.Console.Out) || ReferenceEquals(writer, ProcessStdout)) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal && !NoColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
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
