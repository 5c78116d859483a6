namespace LocSharp.Models;

/// <summary>
/// Floating-point operations of one network's forward pass per residue, from its sizes (a multiply-add counts 2):
/// <list type="bullet">
/// <item>convolutions: Σ over widths w of 2 · w · features · filters;</item>
/// <item>each LSTM direction (two in both architectures): 2 · 4 · hidden · (filters · widths + hidden), the four
/// gates' input and recurrent products;</item>
/// <item>A-LSTM attention: 2 · (2 · hidden) · attention size for h_t W_a, plus 2 · attention size for the product
/// with v_a.</item>
/// </list>
/// Left out: gate non-linearities and other element-wise work, and the per-protein dense and output layers, which
/// do not grow with length. For the paper's R-LSTM (60 features, hidden 256) this is 1.36 MFLOP per residue.
/// </summary>
public static class NetworkCost
{
    public static long FlopsPerResidue(ModelConfig config)
    {
        long convolutions = config.ConvWidths.Sum(w => 2L * w * config.InputFeatures * config.FiltersPerWidth);
        long lstmInput = (long)config.FiltersPerWidth * config.ConvWidths.Count;
        long lstms = 2 * (2L * 4 * config.Hidden * (lstmInput + config.Hidden));
        long attention = config.Architecture == Architecture.ALstm
            ? 2L * (2 * config.Hidden) * config.AttentionSize + 2L * config.AttentionSize
            : 0;
        return convolutions + lstms + attention;
    }
}
