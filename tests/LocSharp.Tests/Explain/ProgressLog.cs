using LocSharp.Explain;

namespace LocSharp.Tests.Explain;

/// <summary>Keeps every progress report, as it is made (unlike <see cref="Progress{T}"/>, which posts them).</summary>
sealed class ProgressLog : IProgress<ExplainProgress>
{
    public List<ExplainProgress> Reports { get; } = [];

    public void Report(ExplainProgress value) => Reports.Add(value);
}
