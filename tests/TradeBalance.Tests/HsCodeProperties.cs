using FsCheck.Xunit;
using Xunit;

namespace TradeBalance.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class HsCodeProperties
{
    [Property]
    public bool Parse_of_ToString_round_trips(HsCode h) => HsCode.Parse(h.ToString()) == h;

    [Property]
    public bool Parse_of_ToDottedString_round_trips(HsCode h) => HsCode.Parse(h.ToDottedString()) == h;

    [Property]
    public bool Contains_is_reflexive(HsCode h) => h.Contains(h);

    [Property]
    public bool Contains_is_antisymmetric(HsCode a, HsCode b) => !(a.Contains(b) && b.Contains(a)) || a == b;

    [Property]
    public bool Contains_is_transitive(HsCode a, HsCode b, HsCode c) => !(a.Contains(b) && b.Contains(c)) || a.Contains(c);

    [Property]
    public void A_codes_parent_contains_it_and_is_two_digits_shorter(HsCode h)
    {
        if (h.IsTotal)
        {
            Assert.Null(h.Parent);
            return;
        }

        var parent = h.Parent;
        Assert.NotNull(parent);
        Assert.True(parent.Contains(h));
        Assert.False(h.Contains(parent));
        Assert.Equal(h.Length - 2, parent.Length);
    }

    [Property]
    public void Chapter_heading_and_subheading_are_ancestors_of_the_right_length(HsCode h)
    {
        foreach (var (level, length) in new[] { (h.Chapter, 2), (h.Heading, 4), (h.Subheading, 6) })
        {
            if (h.Length < length)
            {
                Assert.Null(level);
            }
            else
            {
                Assert.NotNull(level);
                Assert.Equal(length, level.Length);
                Assert.True(level.Contains(h));
            }
        }
    }

    [Property]
    public bool Containment_implies_ordering(HsCode a, HsCode b) => !a.Contains(b) || a <= b;

    [Property]
    public bool Total_contains_every_code(HsCode h) => HsCode.Total.Contains(h) && (h.Contains(HsCode.Total) == h.IsTotal);
}
