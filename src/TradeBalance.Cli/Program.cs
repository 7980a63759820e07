namespace TradeBalance.Cli;

/// <summary>Entry point of the <c>tradebalance</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        return CliApp.Run(args, System.Console.Out, System.Console.Error);
    }
}
