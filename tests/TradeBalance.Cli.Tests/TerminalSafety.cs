using System.Globalization;
using System.Text;

namespace TradeBalance.Cli.Tests;

/// <summary>What must never reach the terminal raw, and what a message must never say.</summary>
internal static class TerminalSafety
{
    /// <summary>The characters a terminal acts on or that hide or reorder text: C0, DEL, C1, bidi controls, separators, invisible marks.</summary>
    public static readonly char[] Hostile = TradeBalance.Testing.HostileText.Characters;

    /// <summary>Wording of .NET, System.CommandLine, Sylvan.Data.Csv or System.Text.Json, not of this tool.</summary>
    public static readonly string[] Machinery = [.. TradeBalance.Testing.HostileText.Machinery, "Response file"];

    /// <summary>What is wrong with text the tool printed, or null: a hostile character (a line break is allowed) or a machinery word.</summary>
    public static string? Problem(string printed)
    {
        foreach (var c in printed)
        {
            if (c != '\n' && Hostile.Contains(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"raw U+{(int)c:X4}");
            }
        }

        return Machinery.FirstOrDefault(m => printed.Contains(m, StringComparison.Ordinal)) is { } word ? $"'{word}'" : null;
    }

    /// <summary>What is wrong with a run, or null: its output, its errors, its exit code.</summary>
    public static string? Problem(CliRun run, params int[] exits)
    {
        if (!exits.Contains(run.ExitCode))
        {
            return $"exit {run.ExitCode}";
        }

        if (Problem(run.Err) is { } err)
        {
            return "stderr " + err;
        }

        if (Problem(run.Out) is { } @out)
        {
            return "stdout " + @out;
        }

        if (run.ExitCode != 0 && !run.Err.StartsWith("tradebalance: ", StringComparison.Ordinal))
        {
            return "stderr does not start 'tradebalance: '";
        }

        return null;
    }

    /// <summary>The text with every character outside printable ASCII shown as its code, for a failure message.</summary>
    public static string Visible(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Length > 300 ? s[..300] : s)
        {
            if (c is >= ' ' and < '\u007F')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
        }

        return sb.ToString();
    }

    /// <summary>The character as U+XXXX.</summary>
    public static string Code(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}
