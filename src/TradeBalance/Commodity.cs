namespace TradeBalance;

/// <summary>A traded good: a Harmonized System code with a human-readable name.</summary>
/// <remarks>Equality compares both the code and the name.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed record Commodity
{
    /// <summary>Creates a commodity.</summary>
    /// <param name="code">The HS code.</param>
    /// <param name="name">A short English name, not empty.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public Commodity(HsCode code, string name)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = code;
        Name = name;
    }

    /// <summary>Gets the HS code.</summary>
    public HsCode Code { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Returns <c>code name</c>, for example <c>0902 Tea</c>.</summary>
    /// <returns>The code and the name.</returns>
    public override string ToString() => $"{Code} {Name}";
}
