using System.Text;

namespace TradeBalance.Cli;

/// <summary>Entry point of the <c>tradebalance</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        System.Console.OutputEncoding = Encoding.UTF8;

        // Console.Out flushes on every write, a system call per CSV field; a buffered writer over the
        // same handle costs one per 64 KB. It is flushed once, after the command.
        var stdout = new StreamWriter(System.Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
        CliApp.ProcessStdout = stdout;
        var code = CliApp.Run(args, stdout, System.Console.Error);
        try
        {
            stdout.Flush();
        }
        catch (IOException e)
        {
            // The reader went away (say, 'tradebalance project --format csv | head'): nothing more can be shown.
            System.Console.Error.WriteLine(Terminal.ErrorLine($"standard output was closed before the output was written ({e.Message})."));
            return code == ExitCodes.Ok ? ExitCodes.Failure : code;
        }

        return code;
    }
}
