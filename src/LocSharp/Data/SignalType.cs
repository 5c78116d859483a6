namespace LocSharp.Data;

/// <summary>Kinds of N-terminal sorting signal annotated in MultiLoc headers (their header code in brackets).</summary>
public enum SignalType
{
    /// <summary>Signal peptide (<c>SP n</c>): residues 1..n, cleaved after n.</summary>
    SignalPeptide,

    /// <summary>Signal anchor (<c>SA a b</c>): residues a..b, not cleaved.</summary>
    SignalAnchor,

    /// <summary>Chloroplast transit peptide (<c>cTP n</c>): residues 1..n.</summary>
    ChloroplastTransitPeptide,

    /// <summary>Mitochondrial transit peptide (<c>mTP n</c>): residues 1..n.</summary>
    MitochondrialTransitPeptide,
}
