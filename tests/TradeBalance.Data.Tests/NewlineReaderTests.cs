using System.Text;
using TradeBalance.Data.Internal;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>
/// NewlineReader counts fields a run at a time when a chunk has nothing to rewrite (no CR); that must end the
/// same way as counting a character at a time: the same text out, and the same too-wide record named.
/// </summary>
public class NewlineReaderTests
{
    /// <summary>Hands out at most a few characters per read, so that runs, quotes and records cross chunk ends.</summary>
    private sealed class Trickle(string text, Random rng) : TextReader
    {
        private int _at;

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, 1 + rng.Next(12)), text.Length - _at);
            text.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Peek() => _at < text.Length ? text[_at] : -1;

        public override int Read() => _at < text.Length ? text[_at++] : -1;
    }

    private static (string Text, long? TooWideLine) ByCharacter(string text, char delimiter, int maxFields)
    {
        var reader = new NewlineReader(new StringReader(text));
        reader.StartRecords(delimiter, maxFields, 2);
        var sb = new StringBuilder();
        try
        {
            for (var c = reader.Read(); c >= 0; c = reader.Read())
            {
                sb.Append((char)c);
            }
        }
        catch (TooManyFieldsException e)
        {
            return (string.Empty, e.Line);
        }

        return (sb.ToString(), null);
    }

    private static (string Text, long? TooWideLine) ByChunk(string text, char delimiter, int maxFields, Random rng)
    {
        var reader = new NewlineReader(new Trickle(text, rng));
        reader.StartRecords(delimiter, maxFields, 2);
        var sb = new StringBuilder();
        var buffer = new char[64];
        try
        {
            for (var n = reader.Read(buffer, 0, buffer.Length); n > 0; n = reader.Read(buffer, 0, buffer.Length))
            {
                sb.Append(buffer, 0, n);
            }
        }
        catch (TooManyFieldsException e)
        {
            return (string.Empty, e.Line);
        }

        return (sb.ToString(), null);
    }

    [Fact]
    public void Counting_runs_ends_as_counting_characters_does()
    {
        var rng = new Random(20260502);
        var tooWide = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var delimiter = round % 2 == 0 ? ',' : '\t';
            var alphabet = round % 5 == 0 ? "a,\"\n\r\t " : "ab,\"\n\t"; // every fifth text has CRs (the character path)
            var length = rng.Next(0, 120);
            var text = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[rng.Next(alphabet.Length)])]);
            var maxFields = 1 + rng.Next(8);
            var expected = ByCharacter(text, delimiter, maxFields);
            var actual = ByChunk(text, delimiter, maxFields, new Random(round));
            Assert.True(expected == actual, $"text {text.ReplaceLineEndings("⏎")}, delimiter {(int)delimiter}, max {maxFields}: by character {expected}, by chunk {actual}");
            tooWide += expected.TooWideLine is null ? 0 : 1;
        }

        Assert.InRange(tooWide, 2_000, 18_000); // both outcomes are exercised
    }
}
