namespace LocSharp.Explain;

/// <summary>The table of <see cref="SignalAttentionSummary"/> rows, one per kind of sorting signal.</summary>
internal static class SignalSummaryTable
{
    /// <param name="insideColumn">Names the mean mass inside the signals, e.g. "mean_attention_inside".</param>
    public static void Write(string path, string insideColumn, IReadOnlyList<SignalAttentionSummary> summaries)
    {
        static string N(double v) => ExplainFiles.Number(v);
        ExplainFiles.WriteTable(path, table =>
        {
            table.WriteLine($"signal_type\tn\t{insideColumn}\tmean_uniform_expectation\tmean_enrichment\tmedian_enrichment");
            foreach (var s in summaries)
                table.WriteLine($"{SignalAttentionMeasure.Code(s.Type)}\t{s.Count}\t{N(s.MeanMass)}\t{N(s.MeanExpected)}\t{N(s.MeanEnrichment)}\t{N(s.MedianEnrichment)}");
        });
    }
}
