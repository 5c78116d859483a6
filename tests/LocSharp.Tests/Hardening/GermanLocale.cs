using System.Globalization;

namespace LocSharp.Tests.Hardening;

/// <summary>
/// de-DE, whose decimal separator is a comma, as the current culture until disposed, when the caller's culture
/// comes back: the CLI must print and write every number with a point whatever the locale (issue 13, defect 5).
/// </summary>
sealed class GermanLocale : IDisposable
{
    readonly CultureInfo previous = CultureInfo.CurrentCulture;

    public GermanLocale()
    {
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        // Without ICU every culture formats as the invariant one, and a test under this locale could not fail.
        Assert.Equal("0,5", 0.5.ToString(CultureInfo.CurrentCulture));
    }

    public void Dispose() => CultureInfo.CurrentCulture = previous;

    /// <summary>Asserts that <paramref name="text"/> (named <paramref name="what"/> in failures) has numbers
    /// with a decimal point and none with a decimal comma.</summary>
    public static void AssertPointNumbers(string what, string text)
    {
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, @"\d\.\d"), $"{what} has no decimal number:\n{Excerpt(text, 0)}");
        AssertNoCommaNumbers(what, text);
    }

    /// <summary>Asserts that <paramref name="text"/> has no number with a decimal comma.</summary>
    public static void AssertNoCommaNumbers(string what, string text)
    {
        var comma = System.Text.RegularExpressions.Regex.Match(text, @"\d,\d");
        Assert.False(comma.Success, $"{what} has a decimal comma at {comma.Index}:\n{Excerpt(text, comma.Index)}");
    }

    static string Excerpt(string text, int at) => text.Substring(Math.Max(0, at - 300), Math.Min(text.Length, at + 300) - Math.Max(0, at - 300));

    /// <summary><see cref="AssertPointNumbers"/> for every file in <paramref name="folder"/> matching <paramref name="pattern"/> (at least one).</summary>
    public static void AssertPointNumbersInFiles(string folder, string pattern)
    {
        var files = Directory.GetFiles(folder, pattern, SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (string file in files) AssertPointNumbers(file, File.ReadAllText(file));
    }
}
