using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TradeBalance.Data.Internal;

namespace TradeBalance.Cli;

/// <summary>
/// Options whose values the tool parses itself, so that a bad value is a usage error (exit 2) whose
/// message names the option, the value as typed and what is allowed, for example
/// <c>--draws: '1000000000' is outside 0 to 1,000,000</c>, and never a .NET type name.
/// </summary>
internal static class OptionValues
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>An option taking a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <param name="name">The option, for example <c>--draws</c>.</param>
    /// <param name="min">The smallest value allowed.</param>
    /// <param name="max">The largest value allowed.</param>
    /// <param name="hint">Said after the range when a value is outside it (may be empty).</param>
    public static Option<int?> WholeNumber(string name, int min, int max, string hint = "") => new(name)
    {
        CustomParser = result =>
        {
            if (Token(result, name) is not { } token)
            {
                return null;
            }

            if (Printable.FirstUnsafe(token) < 0 && int.TryParse(token, NumberStyles.AllowLeadingSign, Ci, out var v))
            {
                if (v >= min && v <= max)
                {
                    return v;
                }
            }
            else if (Printable.FirstUnsafe(token) >= 0 || !System.Numerics.BigInteger.TryParse(token, NumberStyles.AllowLeadingSign, Ci, out _))
            {
                result.AddError(string.Create(Ci, $"{name}: '{token}' is not a whole number (from {min:N0} to {max:N0})."));
                return null;
            }

            result.AddError(string.Create(Ci, $"{name}: '{token}' is outside {min:N0} to {max:N0}{hint}."));
            return null;
        },
    };

    /// <summary>An option taking a number in [0, 1).</summary>
    public static Option<double?> Fraction(string name) => new(name)
    {
        CustomParser = result =>
        {
            if (Token(result, name) is not { } token)
            {
                return null;
            }

            if (Printable.FirstUnsafe(token) >= 0 || !double.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, Ci, out var v))
            {
                result.AddError($"{name}: '{token}' is not a number (from 0 up to but not including 1, for example 0.5).");
                return null;
            }

            if (!(v >= 0d && v < 1d))
            {
                result.AddError($"{name}: '{token}' is outside [0, 1).");
                return null;
            }

            return v;
        },
    };

    /// <summary>Accepts only the given values (exactly as written), and offers them as completions.</summary>
    /// <param name="option">The option.</param>
    /// <param name="what">What a value is, for the message: <c>a format</c>.</param>
    /// <param name="values">The values allowed.</param>
    public static Option<string> OneOf(this Option<string> option, string what, params string[] values)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!values.Contains(token.Value, StringComparer.Ordinal))
                {
                    result.AddError($"{option.Name}: '{token.Value}' is not {what}; use {string.Join(", ", values.SkipLast(1))} or {values[^1]}.");
                }
            }
        });
        option.CompletionSources.Add(values);
        return option;
    }

    private static string? Token(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 1)
        {
            return result.Tokens[0].Value;
        }

        result.AddError($"{name} takes one value.");
        return null;
    }
}
