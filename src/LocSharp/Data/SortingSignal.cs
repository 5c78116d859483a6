namespace LocSharp.Data;

/// <summary>An annotated sorting signal: residues <see cref="Start"/>..<see cref="End"/>, 1-based and inclusive.</summary>
public sealed record SortingSignal(SignalType Type, int Start, int End)
{
    const string Forms = "'SP n', 'cTP n', 'mTP n' (residues 1..n) or 'SA a b' (residues a..b)";

    /// <summary>Number of residues in the signal.</summary>
    public int Length => End - Start + 1;

    /// <summary>
    /// The signal in a MultiLoc header description (the header after the ID): <c>SP 14</c> is residues 1..14,
    /// <c>SA 16 30</c> residues 16..30, <c>cTP n</c> and <c>mTP n</c> residues 1..n. Null when the description is
    /// empty or does not start with one of these codes (so free-text descriptions carry no signal). Codes are
    /// matched ignoring case.
    /// </summary>
    /// <exception cref="FormatException">
    /// The description starts with a signal code but the rest is not the form above; the message says what
    /// was expected and found.
    /// </exception>
    public static SortingSignal? Parse(string description)
    {
        string[] words = description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        SignalType? type = words[0].ToUpperInvariant() switch
        {
            "SP" => SignalType.SignalPeptide,
            "SA" => SignalType.SignalAnchor,
            "CTP" => SignalType.ChloroplastTransitPeptide,
            "MTP" => SignalType.MitochondrialTransitPeptide,
            _ => null,
        };
        if (type is not SignalType known) return null;
        int[] positions = words[1..].Select(ParsePosition).ToArray();
        bool anchor = known == SignalType.SignalAnchor;
        if (positions.Length != (anchor ? 2 : 1) || positions.Contains(0))
            throw new FormatException($"expected a sorting signal as {Forms}, found '{description.Trim()}'.");
        var signal = anchor ? new SortingSignal(known, positions[0], positions[1]) : new SortingSignal(known, 1, positions[0]);
        if (signal.End < signal.Start)
            throw new FormatException($"the signal anchor in '{description.Trim()}' ends before it starts; write 'SA start end'.");
        return signal;
    }

    // A positive residue number, or 0 for anything else.
    static int ParsePosition(string word) =>
        int.TryParse(word, System.Globalization.NumberStyles.None, null, out int n) && n > 0 ? n : 0;
}
