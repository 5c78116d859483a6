using LocSharp.Models;
using TorchSharp.Modules;
using static LocSharp.Tests.Models.TinyNetworks;
using static TorchSharp.torch;

namespace LocSharp.Tests.Models;

/// <summary>The reverse LSTM must read each protein's own last residue first and never see padding.</summary>
[Collection(TorchCollection.Name)]
public class TwoWayLstmTests
{
    const int Input = 4, Hidden = 3;
    static readonly long[] Lengths = [3, 5];

    [Fact]
    public void ReversalIndex_reverses_each_real_prefix_and_leaves_padding_in_place()
    {
        using var lengths = tensor(Lengths);
        using var index = TwoWayLstm.ReversalIndex(lengths, 5);
        Assert.Equal([2L, 5L], index.shape);
        Assert.Equal([2L, 1, 0, 3, 4, 4, 3, 2, 1, 0], index.data<long>().ToArray());
    }

    static (TwoWayLstm Lstm, Tensor X) Setup()
    {
        manual_seed(11);
        var lstm = new TwoWayLstm(Input, Hidden);
        Randomize(lstm, 0.5);
        var x = randn(2, 5, Input);                                   // [B, T, I], protein 0 has 2 padded positions
        return (lstm, x);
    }

    static (double[] Outputs, double[] LastStates) Run(TwoWayLstm lstm, Tensor x)
    {
        using var noGrad = no_grad();
        using var lengths = tensor(Lengths);
        var (outputs, lastStates) = lstm.call(x, lengths);
        using (outputs) using (lastStates) return (Values(outputs), Values(lastStates));
    }

    /// <summary>Outputs[b, t, from..from+H].</summary>
    static double[] At(double[] outputs, int b, int t, int from) => outputs.AsSpan((b * 5 + t) * 2 * Hidden + from, Hidden).ToArray();

    static double[] LastState(double[] lastStates, int b, int from) => lastStates.AsSpan(b * 2 * Hidden + from, Hidden).ToArray();

    static double[] Changed(double[] before, double[] after) => before.Zip(after, (a, b) => Math.Abs(a - b)).ToArray();

    [Fact]
    public void LastStates_alone_are_the_last_states_of_the_full_pass()
    {
        var (lstm, x) = Setup();
        using (lstm) using (x)
        {
            var (_, lastStates) = Run(lstm, x);
            using var noGrad = no_grad();
            using var lengths = tensor(Lengths);
            using var alone = lstm.LastStates(x, lengths);
            Assert.Equal([2L, 2 * Hidden], alone.shape);
            Assert.Equal(lastStates, Values(alone));
        }
    }

    [Fact]
    public void The_first_reverse_step_reads_the_last_real_residue_alone()
    {
        var (lstm, x) = Setup();
        using (lstm) using (x)
        {
            var (outputs, _) = Run(lstm, x);
            using var noGrad = no_grad();
            // The reverse LSTM alone on protein 0's last real residue (position 2), from a zero state.
            using var lastResidue = x.narrow(0, 0, 1).narrow(1, 2, 1);   // [1, 1, I]
            var (reverse, h, c) = Child<LSTM>(lstm, "reverseLstm").call(lastResidue);
            AssertClose(Values(reverse), At(outputs, 0, 2, Hidden), 1e-6, "reverse state at protein 0's last residue");
            // And the forward LSTM alone on protein 0's residues gives the forward half at its last residue.
            using var real = x.narrow(0, 0, 1).narrow(1, 0, 3);          // [1, 3, I]
            var (forward, h2, c2) = Child<LSTM>(lstm, "forwardLstm").call(real);
            AssertClose(Values(forward[0, 2]), At(outputs, 0, 2, 0), 1e-6, "forward state at protein 0's last residue");
            foreach (var t in new[] { reverse, h, c, forward, h2, c2 }) t.Dispose();
        }
    }

    [Fact]
    public void Changing_the_last_real_residue_changes_the_first_reverse_state_changing_the_first_does_not()
    {
        var (lstm, x) = Setup();
        using (lstm) using (x)
        {
            var (outputs, lastStates) = Run(lstm, x);

            using var lastChanged = x.clone();
            using (no_grad()) lastChanged[0, 2].add_(1.0);
            var (afterLast, _) = Run(lstm, lastChanged);
            Assert.True(Changed(At(outputs, 0, 2, Hidden), At(afterLast, 0, 2, Hidden)).Max() > 1e-3,
                "the reverse state at the last residue must depend on that residue");

            using var firstChanged = x.clone();
            using (no_grad()) firstChanged[0, 0].add_(1.0);
            var (afterFirst, lastAfterFirst) = Run(lstm, firstChanged);
            AssertClose(At(outputs, 0, 2, Hidden), At(afterFirst, 0, 2, Hidden), 0, "reverse state at the last residue");
            Assert.True(Changed(At(outputs, 0, 0, Hidden), At(afterFirst, 0, 0, Hidden)).Max() > 1e-3,
                "the reverse state at the first residue must depend on it");
            Assert.True(Changed(LastState(lastStates, 0, Hidden), LastState(lastAfterFirst, 0, Hidden)).Max() > 1e-3,
                "the reverse LSTM's final state must depend on the first residue");
        }
    }

    [Fact]
    public void Padding_changes_no_real_output_and_no_last_state()
    {
        var (lstm, x) = Setup();
        using (lstm) using (x)
        {
            var (outputs, lastStates) = Run(lstm, x);
            using var garbage = x.clone();
            using (no_grad()) garbage.narrow(0, 0, 1).narrow(1, 3, 2).fill_(7.0);   // protein 0's padding
            var (after, lastAfter) = Run(lstm, garbage);

            for (int t = 0; t < 3; t++)
                AssertClose(At(outputs, 0, t, 0).Concat(At(outputs, 0, t, Hidden)).ToArray(),
                    At(after, 0, t, 0).Concat(At(after, 0, t, Hidden)).ToArray(), 1e-7, $"protein 0 at position {t}");
            AssertClose(lastStates, lastAfter, 1e-7, "last states");
            for (int t = 0; t < 5; t++)
                AssertClose(At(outputs, 1, t, 0), At(after, 1, t, 0), 1e-7, $"protein 1 at position {t}");
        }
    }
}
