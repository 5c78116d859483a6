namespace LocSharp;

/// <summary>The "where" at the start of every input error: <c>file line 7 (record P12345): </c>.</summary>
internal static class ErrorPrefix
{
    public static string Format(string source, int? line, string? recordId)
    {
        string where = line is int l ? $"{source} line {l}" : source;
        if (recordId is not null) where += $" (record {recordId})";
        return where + ": ";
    }
}
