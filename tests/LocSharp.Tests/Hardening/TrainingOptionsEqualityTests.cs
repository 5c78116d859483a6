using System.Reflection;
using LocSharp.Models;

namespace LocSharp.Tests.Hardening;

/// <summary>TrainingOptions equality is the record's own: every field counts, and the widths count by value.</summary>
public sealed class TrainingOptionsEqualityTests
{
    static object Changed(object value) => value switch
    {
        int i => i + 1,
        double d => d + 0.125,
        bool b => !b,
        Enum e => Enum.GetValues(e.GetType()).Cast<object>().First(v => !v.Equals(e)),
        IReadOnlyList<int> list => list.Append(99).ToList(),
        _ => throw new InvalidOperationException($"no change for {value.GetType()}"),
    };

    [Fact]
    public void Options_that_differ_in_any_settable_property_are_unequal()
    {
        var baseline = new TrainingOptions();
        var settable = typeof(TrainingOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod != null).ToList();
        Assert.Contains(settable, p => p.Name == nameof(TrainingOptions.Profiles));
        Assert.Contains(settable, p => p.Name == nameof(TrainingOptions.Membrane));
        foreach (var property in settable)
        {
            var copy = baseline with { };
            property.SetValue(copy, Changed(property.GetValue(baseline)!));
            Assert.False(copy.Equals(baseline), $"{property.Name} is not compared");
        }
    }

    [Fact]
    public void Equal_widths_in_different_lists_are_equal_with_equal_hashes()
    {
        var a = new TrainingOptions { ConvWidths = [1, 3, 5] };
        var b = new TrainingOptions { ConvWidths = new List<int> { 1, 3, 5 } };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { ConvWidths = [1, 3] });
    }
}
