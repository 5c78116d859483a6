namespace LocSharp.Training;

/// <summary>A training run that cannot start or continue as asked.</summary>
public class TrainingException(string message) : Exception(message);
