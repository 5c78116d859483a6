namespace LocSharp;

/// <summary>
/// A read-only list that equals another with the same items in the same order, so that a record holding one keeps
/// its compiler-written (structural) equality: no hand-written Equals that a new field could be missing from.
/// </summary>
public sealed class ValueList<T>(IEnumerable<T> items) : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    readonly T[] items = items.ToArray();

    public T this[int index] => items[index];
    public int Count => items.Length;
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => items.GetEnumerator();

    public bool Equals(ValueList<T>? other) => other is not null && items.AsSpan().SequenceEqual(other.items);
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items) hash.Add(item);
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(",", items);
}
