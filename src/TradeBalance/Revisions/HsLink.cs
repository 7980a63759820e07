namespace TradeBalance;

/// <summary>
/// One row of a correlation table: a 6-digit code of the <see cref="HsConcordance.From"/> revision that
/// corresponds, wholly or in part, to a 6-digit code of the <see cref="HsConcordance.To"/> revision.
/// </summary>
/// <remarks>
/// <para>A link is created with the relationship the published table declares, if any (<see cref="Declared"/>);
/// the concordance it is put in computes the relationship from its links' structure
/// (<see cref="Relationship"/>), and <see cref="HsConcordance.Disagreements"/> lists where the two differ.</para>
/// <para>Equality is that of <see cref="From"/>, <see cref="To"/> and <see cref="Declared"/>.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class HsLink : IEquatable<HsLink>
{
    /// <summary>Creates a link.</summary>
    /// <param name="from">The code in the concordance's From revision; 6 digits.</param>
    /// <param name="to">The code in the To revision; 6 digits.</param>
    /// <param name="declared">The relationship the published table declares for this row, seen from the From revision; null if it declares none.</param>
    /// <exception cref="ArgumentNullException">A code is null.</exception>
    /// <exception cref="ArgumentException">A code is not a 6-digit subheading; the message names it.</exception>
    public HsLink(HsCode from, HsCode to, HsRelationship? declared = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        Check(from, nameof(from));
        Check(to, nameof(to));
        if (declared is { } d && !Enum.IsDefined(d))
        {
            throw new ArgumentOutOfRangeException(nameof(declared), d, $"Unknown relationship {(int)d} for the link {from} → {to}.");
        }

        From = from;
        To = to;
        Declared = declared;
    }

    private HsLink(HsLink link, HsRelationship computed)
        : this(link.From, link.To, link.Declared) => Relationship = computed;

    /// <summary>Gets the code in the From revision.</summary>
    public HsCode From { get; }

    /// <summary>Gets the code in the To revision.</summary>
    public HsCode To { get; }

    /// <summary>Gets the relationship the published table declares, or null.</summary>
    public HsRelationship? Declared { get; }

    /// <summary>
    /// Gets the relationship computed from the concordance's structure (<see cref="HsConcordance.Links"/>), or null for a
    /// link not taken from a concordance.
    /// </summary>
    public HsRelationship? Relationship { get; }

    /// <summary>
    /// Parses a relationship as correlation tables write it: <c>1:1</c>, <c>1:n</c>, <c>n:1</c>, <c>n:n</c>
    /// (<c>N</c> or <c>m</c> for n, spaces ignored), or the member names such as <c>OneToMany</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The relationship.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a relationship; the message names it.</exception>
    public static HsRelationship ParseRelationship(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return t switch
        {
            "1:1" or "ONETOONE" => HsRelationship.OneToOne,
            "1:N" or "1:M" or "ONETOMANY" => HsRelationship.OneToMany,
            "N:1" or "M:1" or "MANYTOONE" => HsRelationship.ManyToOne,
            "N:N" or "M:N" or "N:M" or "M:M" or "MANYTOMANY" => HsRelationship.ManyToMany,
            _ => throw new FormatException($"'{text}' is not an HS relationship: expected 1:1, 1:n, n:1 or n:n."),
        };
    }

    /// <summary>Returns the link seen from the other side: the codes swapped, a declared 1:n read as n:1 and back.</summary>
    /// <returns>The inverse link.</returns>
    public HsLink Inverse() => new(To, From, Flip(Declared));

    /// <summary>Returns true when both links join the same codes and declare the same relationship.</summary>
    /// <param name="other">The other link.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(HsLink? other) => other is not null && From.Equals(other.From) && To.Equals(other.To) && Declared == other.Declared;

    /// <summary>Returns true when the object is an equal link.</summary>
    /// <param name="obj">The other object.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals(object? obj) => Equals(obj as HsLink);

    /// <summary>Returns a hash of the codes and declared relationship.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(From, To, Declared);

    /// <summary>Returns the link as text, for example <c>851712 → 851713 (1:n)</c>.</summary>
    /// <returns>The description, with the computed relationship, else the declared one.</returns>
    public override string ToString() =>
        (Relationship ?? Declared) is { } r ? $"{From} → {To} ({Text(r)})" : $"{From} → {To}";

    internal HsLink WithComputed(HsRelationship computed) => new(this, computed);

    internal static HsRelationship? Flip(HsRelationship? r) => r switch
    {
        HsRelationship.OneToMany => HsRelationship.ManyToOne,
        HsRelationship.ManyToOne => HsRelationship.OneToMany,
        _ => r,
    };

    internal static string Text(HsRelationship r) => r switch
    {
        HsRelationship.OneToOne => "1:1",
        HsRelationship.OneToMany => "1:n",
        HsRelationship.ManyToOne => "n:1",
        _ => "n:n",
    };

    private static void Check(HsCode code, string name)
    {
        if (code.Length != 6)
        {
            throw new ArgumentException($"A concordance links 6-digit subheadings; '{code}' has {code.Length} digits.", name);
        }
    }
}
