namespace LocSharp.Prediction;

/// <summary>The prediction for one protein.</summary>
/// <param name="Id">The FASTA record's id.</param>
/// <param name="Length">Residues in the input sequence.</param>
/// <param name="Truncated">Whether the protein was cut to the model's maximum length.</param>
/// <param name="Probabilities">One probability per location, in the model's location order.</param>
/// <param name="Membrane">Probability of being membrane-bound, for models that predict it.</param>
public sealed record ProteinPrediction(string Id, int Length, bool Truncated, float[] Probabilities, float? Membrane = null)
{
    /// <summary>Index of the most probable location.</summary>
    public int Best
    {
        get
        {
            int best = 0;
            for (int i = 1; i < Probabilities.Length; i++) if (Probabilities[i] > Probabilities[best]) best = i;
            return best;
        }
    }

    /// <summary>Probability of the most probable location.</summary>
    public float Confidence => Probabilities[Best];
}
