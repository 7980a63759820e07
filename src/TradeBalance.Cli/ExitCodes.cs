namespace TradeBalance.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Anything not covered below (a bug, an I/O failure, a download refused or failed after its retries).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown option, bad value, unsupported file extension.</summary>
    public const int Usage = 2;

    /// <summary>An input file is wrong: the message names the file, line and value.</summary>
    public const int BadData = 3;
}
