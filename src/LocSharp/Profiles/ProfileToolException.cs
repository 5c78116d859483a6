namespace LocSharp.Profiles;

/// <summary>The profile step cannot run: a tool is not installed, the database is not a protein database, or a
/// tool failed (the message then holds the end of its standard error).</summary>
public sealed class ProfileToolException(string message) : Exception(message);
