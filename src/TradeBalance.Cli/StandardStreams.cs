namespace TradeBalance.Cli;

/// <summary>
/// The process's standard streams as the tool uses them: standard output through <see cref="StandardOutputStream"/>
/// (a failure is an I/O error with a one-line message, exit 1), standard error through
/// <see cref="StandardErrorWriter"/> (a closed one is silent, never an abort), and standard input checked before
/// <c>-</c> is read.
/// </summary>
internal static class StandardStreams
{
    /// <summary>Looked up once: standard input does not reopen, and every <c>-</c> input asks.</summary>
    private static readonly Lazy<bool> ClosedAtStart = new(LookUpInputClosed);

    /// <summary>
    /// Whether standard input was closed when the tool started (<c>tradebalance … --flows - &lt;&amp;-</c>). On Linux the
    /// runtime's first pipe then takes descriptor 0, so reading "standard input" would wait on the tool's own pipe
    /// forever: descriptor 0 is a pipe whose writing end this process holds. Elsewhere, and on any doubt, false.
    /// </summary>
    public static bool InputClosed() => ClosedAtStart.Value;

    private static bool LookUpInputClosed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var target = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (target is null || !target.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var fd in Directory.GetFiles("/proc/self/fd"))
            {
                var number = Path.GetFileName(fd);
                if (number != "0" && new FileInfo(fd).LinkTarget == target && Writable(number))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A descriptor closed while we looked, or no /proc: assume an open standard input.
        }

        return false;
    }

    /// <summary>Whether the descriptor is open for writing: the access mode in its <c>flags</c> (octal) is not read-only.</summary>
    private static bool Writable(string fd)
    {
        foreach (var line in File.ReadLines("/proc/self/fdinfo/" + fd))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                var flags = Convert.ToInt32(line["flags:".Length..].Trim(), 8);
                return (flags & 3) != 0;
            }
        }

        return false;
    }
}
