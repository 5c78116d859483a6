using LocSharp.Models;

namespace LocSharp.Tests.Models;

public sealed class NetworkCostTests
{
    [Fact]
    public void The_paper_r_lstm_costs_what_its_matrix_products_add_up_to()
    {
        // Conv: 2·60·10·(1+3+5+9+15+21) = 64,800. LSTMs: 2 directions × 2·4·256·(60+256) = 1,294,336.
        Assert.Equal(64_800 + 1_294_336, NetworkCost.FlopsPerResidue(new ModelConfig(Architecture.RLstm, 11)));
    }

    [Fact]
    public void A_tiny_a_lstm_adds_the_attention_products()
    {
        // Widths 1, 3 with 2 filters on 80 features: 2·80·2·(1+3) = 1,280. LSTMs: 2 × 2·4·4·(4+4) = 512.
        // Attention: 2·8·5 + 2·5 = 90.
        var config = new ModelConfig(Architecture.ALstm, 3, InputFeatures: 80, ConvWidths: [1, 3], FiltersPerWidth: 2, Hidden: 4, AttentionSize: 5);
        Assert.Equal(1_280 + 512 + 90, NetworkCost.FlopsPerResidue(config));
    }
}
