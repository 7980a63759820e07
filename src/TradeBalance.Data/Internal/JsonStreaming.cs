using System.Text.Json;

namespace TradeBalance.Data.Internal;

/// <summary>
/// Keeps a long JSON document streaming: a <see cref="Utf8JsonWriter"/> over a stream holds everything written until
/// it is flushed, so a writer of many rows flushes whenever a block is pending. Memory then stays at one block,
/// whatever the number of rows, instead of the whole document.
/// </summary>
internal static class JsonStreaming
{
    /// <summary>The bytes a writer may hold before they are passed on.</summary>
    public const int Block = 1 << 16;

    /// <summary>Passes on what the writer holds once it reaches a block.</summary>
    public static void FlushIfFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= Block)
        {
            writer.Flush();
        }
    }
}
