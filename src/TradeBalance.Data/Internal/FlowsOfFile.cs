namespace TradeBalance.Data.Internal;

/// <summary>The data set a reader builds from a file's flows, with the data set's own refusals said in the file's name.</summary>
internal static class FlowsOfFile
{
    /// <summary>
    /// The flows as a data set. What the data set refuses about the flows together (a group and its member supplying one
    /// market, which no single row shows) becomes a <see cref="TradeDataException"/> naming the file.
    /// </summary>
    public static TradeDataSet DataSet(IEnumerable<TradeFlow> flows, string fileName)
    {
        try
        {
            return new TradeDataSet(flows);
        }
        catch (ArgumentException e) when (e.ParamName == "flows")
        {
            throw Refused(e, fileName);
        }
    }

    /// <summary>The data set's refusal of the flows, said in the file's name.</summary>
    public static TradeDataException Refused(ArgumentException e, string fileName) =>
        new($"{fileName}: {e.Message.Replace(" (Parameter 'flows')", string.Empty, StringComparison.Ordinal)}", e);
}
