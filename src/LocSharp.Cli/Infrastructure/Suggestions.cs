using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace LocSharp.Cli.Infrastructure;

/// <summary>"Did you mean --epochs?": the nearest verb or option name to a mistyped one, by edit distance.</summary>
public static partial class Suggestions
{
    /// <summary>The parse error's message with a suggestion added, when one is close enough.</summary>
    /// <param name="verbs">Every verb path ("predict", "explain attention") with its settings type.</param>
    public static string Improve(string message, IReadOnlyList<string> args, IReadOnlyDictionary<string, Type> verbs)
    {
        if (UnknownOption().Match(message) is { Success: true } option)
        {
            var settings = verbs.Where(v => StartsWith(args, v.Key)).OrderByDescending(v => v.Key.Length).Select(v => v.Value).FirstOrDefault();
            if (settings == null) return message;
            var names = settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
                .Where(a => a != null)
                .SelectMany(a => a!.LongNames.Select(n => "--" + n).Concat(a.ShortNames.Select(n => "-" + n)));
            string typed = option.Groups[1].Value;
            return Nearest(typed.Length == 1 ? "-" + typed : "--" + typed, names) is string near ? $"{message} Did you mean {near}?" : message;
        }
        if (UnknownCommand().Match(message) is { Success: true } command)
        {
            var names = verbs.Keys.Select(k => k.Split(' ')[^1]);
            return Nearest(command.Groups[1].Value, names) is string near ? $"{message} Did you mean {near}?" : message;
        }
        return message;
    }

    static bool StartsWith(IReadOnlyList<string> args, string verb)
    {
        var words = verb.Split(' ');
        return args.Count >= words.Length && words.Select((w, i) => args[i] == w).All(x => x);
    }

    /// <summary>The name within a third of its length (at least 2 edits) of <paramref name="typed"/>, nearest first.</summary>
    public static string? Nearest(string typed, IEnumerable<string> names) => names
        .Distinct()
        .Select(n => (Name: n, Distance: Distance(typed, n)))
        .Where(c => c.Distance <= Math.Max(2, typed.Length / 3))
        .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
        .Select(c => c.Name).FirstOrDefault();

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    [GeneratedRegex("^Unknown option '([^']+)'")]
    private static partial Regex UnknownOption();

    [GeneratedRegex("^Unknown command '([^']+)'")]
    private static partial Regex UnknownCommand();
}
