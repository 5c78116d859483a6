namespace LocSharp.Explain.Figures;

/// <summary>
/// Lines proteins of different lengths up in one grid so that every N-terminus sits at the left edge and every
/// C-terminus at the right edge (Sønderby et al. 2015, Fig. 6): sorting signals sit at the termini, so that is where
/// the eye should be able to compare proteins.
/// </summary>
/// <remarks>
/// The rule, for a protein of n residues in a row of <c>width</c> columns, with k = min(n, width):
/// <list type="bullet">
/// <item>its first ⌈k/2⌉ values fill columns 0 … ⌈k/2⌉−1 (from the left edge);</item>
/// <item>its last ⌊k/2⌋ values fill columns width−⌊k/2⌋ … width−1 (up to the right edge);</item>
/// <item>the columns between are padding, NaN.</item>
/// </list>
/// When n ≤ width nothing is lost; when n &gt; width the middle n − width residues are dropped, exactly as
/// <see cref="Encoding.Truncation"/> cuts the sequences the models read. Either way the left ⌈width/2⌉ columns
/// only ever hold residues counted from the N-terminus and the right ⌊width/2⌋ only residues counted from the
/// C-terminus, so every column has one meaning: <see cref="PositionOfColumn"/>.
/// </remarks>
public static class MiddlePadding
{
    /// <summary>Places <paramref name="values"/> (one per residue) in a row of <paramref name="width"/> columns;
    /// padding is NaN.</summary>
    public static float[] Align(ReadOnlySpan<float> values, int width)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), $"The row width must be at least 1, not {width}.");
        for (int i = 0; i < values.Length; i++)
            if (float.IsNaN(values[i]))
                throw new ArgumentException($"Value {i} is NaN; NaN marks padding, so values must be numbers.", nameof(values));

        var (head, tail) = Encoding.MiddleCut.Of(Math.Min(values.Length, width));
        var row = new float[width];
        row.AsSpan().Fill(float.NaN);
        values[..head].CopyTo(row);
        values[(values.Length - tail)..].CopyTo(row.AsSpan(width - tail));
        return row;
    }

    /// <summary>Number of columns, from the left, that count residues from the N-terminus: ⌈width/2⌉.</summary>
    public static int HeadColumns(int width) => Encoding.MiddleCut.Of(width).Head;

    /// <summary>
    /// Residue a column holds: 1, 2, … counted from the N-terminus in the left ⌈width/2⌉ columns; −1 (the last
    /// residue), −2, … counted from the C-terminus in the others.
    /// </summary>
    public static int PositionOfColumn(int column, int width)
    {
        if ((uint)column >= (uint)width)
            throw new ArgumentOutOfRangeException(nameof(column), $"Column {column} is outside a row of {width}.");
        return column < HeadColumns(width) ? column + 1 : column - width;
    }

    /// <summary>Column that holds residue <paramref name="position"/> (as numbered by <see cref="PositionOfColumn"/>).</summary>
    public static int ColumnOfPosition(int position, int width)
    {
        int column = position > 0 ? position - 1 : width + position;
        if (position == 0 || PositionOfColumn(Math.Clamp(column, 0, width - 1), width) != position)
            throw new ArgumentOutOfRangeException(nameof(position), $"Position {position} has no column in a row of {width}.");
        return column;
    }
}
