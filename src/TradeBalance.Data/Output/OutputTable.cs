using System.Collections.Immutable;

namespace TradeBalance.Data;

/// <summary>
/// A result as a table: named, typed, documented columns of equal length. The one shape that the CSV
/// (<see cref="OutputTableCsv"/>), Parquet (<see cref="OutputTableParquet"/>) and the tool's JSON writers
/// read, so that a result has the same columns, names and values in every format. <see cref="ResultTables"/>
/// makes one from a projection, a staged path or a Monte Carlo run.
/// </summary>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class OutputTable : IEquatable<OutputTable>
{
    /// <summary>Initializes a new instance of the <see cref="OutputTable"/> class.</summary>
    /// <param name="name">What the table holds, e.g. <c>projection</c>.</param>
    /// <param name="columns">The columns, in order: at least one, names unique, all of one length.</param>
    /// <exception cref="ArgumentException">No column, a repeated name, or columns of different lengths.</exception>
    public OutputTable(string name, IEnumerable<OutputColumn> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
        if (Columns.IsEmpty)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Columns)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(columns));
            if (!names.Add(c.Name))
            {
                throw new ArgumentException($"Column '{c.Name}' appears twice.", nameof(columns));
            }

            if (c.Count != Columns[0].Count)
            {
                throw new ArgumentException($"Column '{c.Name}' has {c.Count} values; '{Columns[0].Name}' has {Columns[0].Count}.", nameof(columns));
            }
        }

        Name = name;
    }

    /// <summary>Gets what the table holds.</summary>
    public string Name { get; }

    /// <summary>Gets the columns, in order.</summary>
    public ImmutableArray<OutputColumn> Columns { get; }

    /// <summary>Gets the number of rows.</summary>
    public int RowCount => Columns[0].Count;

    /// <summary>Gets the column of that name.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public OutputColumn this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"The {Name} table has no column '{name}'.");

    /// <inheritdoc/>
    public bool Equals(OutputTable? other) =>
        other is not null && (ReferenceEquals(this, other) || (Name == other.Name && Columns.SequenceEqual(other.Columns)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OutputTable);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Columns.Length, RowCount);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Columns.Length} columns, {RowCount} rows";
}
