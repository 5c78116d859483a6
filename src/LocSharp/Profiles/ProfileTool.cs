namespace LocSharp.Profiles;

/// <summary>The programs the profile step runs.</summary>
public enum ProfileTool
{
    /// <summary>MMseqs2 (Debian package mmseqs2): fast, the default.</summary>
    Mmseqs,

    /// <summary>PSI-BLAST from NCBI BLAST+ (Debian package ncbi-blast+): the paper's tool.</summary>
    Psiblast,
}

public static class ProfileTools
{
    /// <summary>The tool's name on the command line and in recipes: "mmseqs" or "psiblast".</summary>
    public static string Name(this ProfileTool tool) => tool == ProfileTool.Mmseqs ? "mmseqs" : "psiblast";

    /// <summary>The Debian package that installs the tool.</summary>
    public static string DebianPackage(this ProfileTool tool) => tool == ProfileTool.Mmseqs ? "mmseqs2" : "ncbi-blast+";

    /// <summary>The tool of a name ("mmseqs" or "psiblast", any case).</summary>
    /// <exception cref="ArgumentException">Neither name.</exception>
    public static ProfileTool Parse(string name) => name.ToLowerInvariant() switch
    {
        "mmseqs" or "mmseqs2" => ProfileTool.Mmseqs,
        "psiblast" or "psi-blast" => ProfileTool.Psiblast,
        _ => throw new InvalidSettingException($"the profile tool must be mmseqs or psiblast, not '{name}'."),
    };
}
