using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LocSharp.Projection;

/// <summary>
/// Dot products and distances on spans. Fixed 256-bit vectors rather than <see cref="System.Numerics.Vector{T}"/>, whose
/// width depends on the machine, and an explicit final sum: the summation order, and so the last bits, must not depend
/// on the machine, or a t-SNE run with a fixed seed would differ between machines.
/// </summary>
internal static class VectorMath
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var va = MemoryMarshal.Cast<double, Vector256<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector256<double>>(b[..a.Length]);
        var acc = Vector256<double>.Zero;
        for (int v = 0; v < va.Length; v++) acc += va[v] * vb[v];
        double sum = (acc[0] + acc[1]) + (acc[2] + acc[3]);
        for (int i = va.Length * Vector256<double>.Count; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var va = MemoryMarshal.Cast<double, Vector256<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector256<double>>(b[..a.Length]);
        var acc = Vector256<double>.Zero;
        for (int v = 0; v < va.Length; v++)
        {
            var diff = va[v] - vb[v];
            acc += diff * diff;
        }
        double sum = (acc[0] + acc[1]) + (acc[2] + acc[3]);
        for (int i = va.Length * Vector256<double>.Count; i < a.Length; i++)
        {
            double diff = a[i] - b[i];
            sum += diff * diff;
        }
        return sum;
    }

    /// <summary>Row <paramref name="i"/> of a row-major matrix with <paramref name="columns"/> columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<double> Row(double[] matrix, int i, int columns) => matrix.AsSpan(i * columns, columns);
}
