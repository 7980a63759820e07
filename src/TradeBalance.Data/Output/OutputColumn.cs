namespace TradeBalance.Data;

/// <summary>
/// One column of an <see cref="OutputTable"/>: its name (the same in CSV, JSON and Parquet), type, unit and
/// meaning, and its values, one per row; a null value is a figure the model cannot give (an empty CSV cell,
/// a JSON and Parquet null).
/// </summary>
/// <remarks>Values are copied when the column is made and never exposed as an array, so a column is
/// immutable. A <see cref="OutputColumnType.FloatingPoint"/> column refuses NaN and infinities: a figure that is
/// not a number must be null, said so by whoever builds the column, never written as <c>NaN</c>.</remarks>
/// <threadsafety>This type is immutable and thread-safe.</threadsafety>
public sealed class OutputColumn : IEquatable<OutputColumn>
{
    private readonly Array _values;

    private OutputColumn(string name, OutputColumnType type, string unit, string meaning, Array values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(meaning);
        Name = name;
        Type = type;
        Unit = unit;
        Meaning = meaning;
        _values = values;
    }

    /// <summary>Gets the column's name: lower case, words joined by <c>_</c>, as in the CSV header and the Parquet schema.</summary>
    public string Name { get; }

    /// <summary>Gets the type of the values.</summary>
    public OutputColumnType Type { get; }

    /// <summary>Gets the unit of the values (<c>USD</c>, <c>percent</c>, <c>fraction</c>, <c>ISO 3166-1 alpha-3</c>…).</summary>
    public string Unit { get; }

    /// <summary>Gets what a value means, in a sentence.</summary>
    public string Meaning { get; }

    /// <summary>Gets the number of values (rows).</summary>
    public int Count => _values.Length;

    /// <summary>Gets a row's value: a <see cref="string"/>, <see cref="int"/>, <see cref="decimal"/> or <see cref="double"/> by <see cref="Type"/>, or null.</summary>
    /// <param name="row">The row, from 0.</param>
    /// <returns>The value, boxed, or null.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="row"/> is outside the column.</exception>
    public object? this[int row] => _values.GetValue(row);

    /// <summary>A text column.</summary>
    /// <param name="name">The name.</param>
    /// <param name="unit">The unit or code list.</param>
    /// <param name="meaning">What a value means.</param>
    /// <param name="values">The values; null for none.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static OutputColumn Text(string name, string unit, string meaning, IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(name, OutputColumnType.Text, unit, meaning, values.ToArray());
    }

    /// <summary>A whole-number column.</summary>
    /// <param name="name">The name.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="meaning">What a value means.</param>
    /// <param name="values">The values; null for none.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static OutputColumn WholeNumber(string name, string unit, string meaning, IEnumerable<int?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(name, OutputColumnType.WholeNumber, unit, meaning, values.ToArray());
    }

    /// <summary>An exact decimal column (money, percent, rates).</summary>
    /// <param name="name">The name.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="meaning">What a value means.</param>
    /// <param name="values">The values; null for none.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static OutputColumn ExactNumber(string name, string unit, string meaning, IEnumerable<decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(name, OutputColumnType.ExactNumber, unit, meaning, values.ToArray());
    }

    /// <summary>A floating-point column (shares, ratios).</summary>
    /// <param name="name">The name.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="meaning">What a value means.</param>
    /// <param name="values">The values; null for none. NaN and infinities are refused: pass null for a figure that is not a number.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException">The name is empty, or a value is NaN or infinite.</exception>
    public static OutputColumn FloatingPoint(string name, string unit, string meaning, IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = values.ToArray();
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is { } v && !double.IsFinite(v))
            {
                throw new ArgumentException($"Column '{name}', row {i}: {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a finite number; a figure that cannot be given is null.", nameof(values));
            }
        }

        return new(name, OutputColumnType.FloatingPoint, unit, meaning, array);
    }

    /// <summary>The values as the typed array the writers read (never handed out: the column stays immutable).</summary>
    internal T[] Values<T>() => (T[])_values;

    /// <inheritdoc/>
    public bool Equals(OutputColumn? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Name == other.Name && Type == other.Type && Unit == other.Unit && Meaning == other.Meaning
                && System.Collections.StructuralComparisons.StructuralEqualityComparer.Equals(_values, other._values)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OutputColumn);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Type, Count);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Type}, {Unit}): {Count} values";
}
