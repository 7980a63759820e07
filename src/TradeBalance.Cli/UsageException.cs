namespace TradeBalance.Cli;

/// <summary>A command-line mistake found after parsing (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
