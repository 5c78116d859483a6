using Text = System.Text;
using System.Text.Json;

namespace LocSharp.Prediction;

/// <summary>
/// Joins tables that `locsharp predict` wrote for consecutive parts of one input (see
/// <see cref="Sequences.FastaSplitter"/>) into the table a single run on the whole input writes, byte for byte.
/// CSV and TSV: the header once (every part's must be the same), then every part's rows, in part order. JSON: one
/// array holding every part's objects, laid out as <see cref="PredictionWriter"/> lays it out.
/// </summary>
public static class PredictionTableMerger
{
    static readonly byte[] Header = Text.Encoding.ASCII.GetBytes(PredictionWriter.FixedColumns[0]);

    /// <summary>The format of a prediction table, from its first bytes.</summary>
    /// <exception cref="PredictionTableException">The file is empty or does not start like a prediction table.</exception>
    public static PredictionFormat Sniff(string path, ReadOnlySpan<byte> start)
    {
        if (start.IsEmpty) throw new PredictionTableException(path, null, "the file is empty; expected a table written by locsharp predict.");
        if (start[0] == (byte)'[') return PredictionFormat.Json;
        if (start.StartsWith(Header) && start.Length > Header.Length)
        {
            if (start[Header.Length] == (byte)',') return PredictionFormat.Csv;
            if (start[Header.Length] == (byte)'\t') return PredictionFormat.Tsv;
        }
        throw new PredictionTableException(path, 1,
            $"expected a table written by locsharp predict: a CSV or TSV header starting '{PredictionWriter.FixedColumns[0]}', or a JSON array.");
    }

    /// <summary>Writes the merge of <paramref name="parts"/> (in this order) to <paramref name="output"/>.</summary>
    /// <exception cref="PredictionTableException">A part is not a prediction table, or its format or columns differ
    /// from the first part's (for instance, predicted by another model).</exception>
    /// <exception cref="FileNotFoundException">A part does not exist.</exception>
    public static void Merge(IReadOnlyList<string> parts, Stream output)
    {
        if (parts.Count == 0) throw new InvalidSettingException("Give at least one table to merge.");
        var contents = new List<byte[]>(parts.Count);
        foreach (string part in parts)
            contents.Add(File.Exists(part) ? File.ReadAllBytes(part) : throw new FileNotFoundException($"{part} does not exist; give the tables written by locsharp predict.", part));
        var format = Sniff(parts[0], contents[0]);
        for (int i = 1; i < parts.Count; i++)
        {
            var other = Sniff(parts[i], contents[i]);
            if (other != format)
                throw new PredictionTableException(parts[i], null, $"it is {Name(other)} but {parts[0]} is {Name(format)}; merge tables of one format.");
        }
        if (format == PredictionFormat.Json) MergeJson(parts, contents, output);
        else MergeDelimited(parts, contents, output);
    }

    static string Name(PredictionFormat format) => format.ToString().ToUpperInvariant();

    /// <summary>Copies the first part whole and every other part's rows, after checking its header is the first's.</summary>
    static void MergeDelimited(IReadOnlyList<string> parts, List<byte[]> contents, Stream output)
    {
        byte[] header = HeaderLine(parts[0], contents[0]);
        for (int i = 0; i < parts.Count; i++)
        {
            byte[] content = contents[i];
            if (content[^1] != (byte)'\n')
                throw new PredictionTableException(parts[i], null, "the table does not end with a line end, so it may be cut short; predict this part again.");
            if (i == 0)
            {
                output.Write(content);
                continue;
            }
            byte[] own = HeaderLine(parts[i], content);
            if (!own.AsSpan().SequenceEqual(header))
                throw new PredictionTableException(parts[i], 1,
                    $"its columns differ from those of {parts[0]} ('{Text.Encoding.UTF8.GetString(own).TrimEnd()}' against " +
                    $"'{Text.Encoding.UTF8.GetString(header).TrimEnd()}'); merge only parts predicted with the same model.");
            output.Write(content.AsSpan(own.Length));
        }
    }

    /// <summary>The first line of a table, with its line end.</summary>
    static byte[] HeaderLine(string path, byte[] content)
    {
        int end = Array.IndexOf(content, (byte)'\n');
        if (end < 0) throw new PredictionTableException(path, 1, "the header has no line end, so the table is cut short; predict this part again.");
        return content[..(end + 1)];
    }

    /// <summary>Re-writes every part's objects into one array with the options of <see cref="PredictionWriter"/>;
    /// string and number tokens keep their text, so the result is what one run would have written.</summary>
    static void MergeJson(IReadOnlyList<string> parts, List<byte[]> contents, Stream output)
    {
        string[]? firstFields = null;
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            for (int i = 0; i < parts.Count; i++)
            {
                using var document = Parse(parts[i], contents[i]);
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                    throw new PredictionTableException(parts[i], null, $"expected a JSON array of predictions, found a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
                foreach (var prediction in document.RootElement.EnumerateArray())
                {
                    string[] fields = Fields(parts[i], prediction);
                    firstFields ??= fields;
                    if (!fields.SequenceEqual(firstFields))
                        throw new PredictionTableException(parts[i], null,
                            $"the prediction of {prediction.GetProperty(PredictionWriter.FixedColumns[0])} has the fields {string.Join(", ", fields)}, " +
                            $"but earlier ones have {string.Join(", ", firstFields)}; merge only parts predicted with the same model.");
                    prediction.WriteTo(json);
                }
            }
            json.WriteEndArray();
        }
        output.Write(Text.Encoding.UTF8.GetBytes(Environment.NewLine)); // as the TextWriter.WriteLine that ends predict's JSON
    }

    static JsonDocument Parse(string path, byte[] content)
    {
        try
        {
            return JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            throw new PredictionTableException(path, e.LineNumber + 1, $"the JSON is malformed ({e.Message}); predict this part again.");
        }
    }

    /// <summary>An object's field names, with those of its probabilities, which say which model made it.</summary>
    static string[] Fields(string path, JsonElement prediction)
    {
        if (prediction.ValueKind != JsonValueKind.Object || !prediction.TryGetProperty(PredictionWriter.FixedColumns[0], out _))
            throw new PredictionTableException(path, null, $"expected prediction objects with a '{PredictionWriter.FixedColumns[0]}' field, found {prediction.ValueKind.ToString().ToLowerInvariant()} {Shorten(prediction.GetRawText())}.");
        return prediction.EnumerateObject()
            .SelectMany(p => p.Value.ValueKind == JsonValueKind.Object ? p.Value.EnumerateObject().Select(q => $"{p.Name}.{q.Name}") : [p.Name])
            .ToArray();
    }

    static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
