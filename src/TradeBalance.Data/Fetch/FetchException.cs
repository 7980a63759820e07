using TradeBalance.Data.Internal;

namespace TradeBalance.Data.Fetch;

/// <summary>
/// A download failed: the provider refused the request (HTTP 400, 401, 403, 404: never tried again), or a
/// request still failed after the last attempt (429, 5xx, a connection cut, a timeout). The message names
/// the request (its address, never the key) and the provider's own words, escaped for a terminal and cut to
/// 300 characters.
/// </summary>
/// <threadsafety>Instances are immutable once thrown and safe to read from any thread.</threadsafety>
public sealed class FetchException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public FetchException()
        : this("a download failed")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message (escaped for the terminal here).</param>
    public FetchException(string message)
        : base(Printable.Escape(message))
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message (escaped for the terminal here).</param>
    /// <param name="innerException">The cause.</param>
    public FetchException(string message, Exception? innerException)
        : base(Printable.Escape(message), innerException)
    {
    }

    /// <summary>Creates an exception for an HTTP status.</summary>
    internal FetchException(string message, int statusCode, Exception? innerException = null)
        : base(Printable.Escape(message), innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>Gets the HTTP status of the last response, or 0 when there was none (a connection failure, a timeout).</summary>
    public int StatusCode { get; }
}
