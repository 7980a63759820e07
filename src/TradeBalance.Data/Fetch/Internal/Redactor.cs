namespace TradeBalance.Data.Fetch.Internal;

/// <summary>Removes a secret from any text before it leaves the client: messages, progress, exceptions.</summary>
internal sealed class Redactor(string? secret)
{
    /// <summary>What the secret becomes.</summary>
    public const string Mask = "[key redacted]";

    /// <summary>The text with every occurrence of the secret replaced by <see cref="Mask"/>.</summary>
    public string Clean(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? string.Empty
        : string.IsNullOrEmpty(secret) ? text
        : text.Replace(secret, Mask, StringComparison.Ordinal);
}
