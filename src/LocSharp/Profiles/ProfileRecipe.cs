namespace LocSharp.Profiles;

/// <summary>
/// How the profiles a model was trained on were made. A profile model must be given profiles made the same way
/// (same tool, settings and database) at prediction time; its file records this recipe so users can.
/// </summary>
/// <param name="Tool">The tool: "mmseqs" (MMseqs2) or "psiblast" (NCBI BLAST+).</param>
/// <param name="Settings">The tool's settings, e.g. "3 iterations, E-value 0.001, sensitivity 7.5, profile2pssm".</param>
/// <param name="Database">The database's name, e.g. "Swiss-Prot 2014_01".</param>
/// <param name="DatabaseSequences">Sequences in the database, when known.</param>
/// <param name="Scaling">How scores become features (<see cref="Encoding.ResidueEncoder.ProfileScaling"/>).</param>
public sealed record ProfileRecipe(string Tool, string Settings, string Database, long? DatabaseSequences, string Scaling)
{
    /// <summary>A one-line description for messages.</summary>
    public override string ToString() =>
        $"{Tool} ({Settings}) against {Database}{(DatabaseSequences is long n ? $" ({n:N0} sequences)" : "")}, scores scaled by {Scaling}";
}
