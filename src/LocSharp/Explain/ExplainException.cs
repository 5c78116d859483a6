namespace LocSharp.Explain;

/// <summary>
/// A model or input an explanation cannot use: e.g. attention asked of an R-LSTM, or of an ensemble whose
/// networks each attend differently. The message says what was found and what to give instead.
/// </summary>
public sealed class ExplainException(string problem) : Exception(problem);
