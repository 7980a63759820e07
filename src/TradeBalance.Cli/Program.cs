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
        var stdout = new StreamWriter(new StandardOutputStream(System.Console.OpenStandardOutput()), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
        var stderr = new StandardErrorWriter(System.Console.Error);
        CliApp.ProcessStdout = stdout;
        CliApp.ProcessStderr = stderr;
        var code = CliApp.Run(args, stdout, stderr);
        try
        {
            stdout.Flush();
        }
        catch (IOException e)
        {
            // The reader went away (say, 'tradebalance project --format csv | head'), the stream was closed or the
            // disk is full: say so, if standard error still can.
            stderr.WriteLine(Terminal.ErrorLine(e.Message));
            return code == ExitCodes.Ok ? ExitCodes.Failure : code;
        }

        return code;
    }
}
