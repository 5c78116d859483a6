using CsvHelper;

namespace LocSharp.Data;

/// <summary>
/// A split file: tab-separated, a header row naming the columns <c>id</c>, <c>location</c> and <c>partition</c>
/// (any order, any case; other columns ignored), then one row per protein.
/// </summary>
internal static class SplitTable
{
    static readonly string[] Columns = ["id", "location", "partition"];

    public sealed record Row(string Id, string Location, string Partition, int Line);

    /// <summary>The proteins of <paramref name="data"/> with their partitions, after checking split and data agree.</summary>
    public static List<LabelledProtein> Apply(string splitPath, ProteinCollector data, string dataPath)
    {
        var rows = Read(splitPath);
        var notInData = rows.Where(r => data.IndexOf(r.Id) < 0).ToList();
        if (notInData.Count > 0)
            throw new LabelledDataException(splitPath, notInData[0].Line, notInData[0].Id,
                $"the split names protein '{notInData[0].Id}'{More(notInData.Count)}, but {dataPath} has no sequence for it; " +
                "remove the row, or add the protein to the data.");
        var partitions = new string?[data.Proteins.Count];
        foreach (var row in rows)
        {
            int i = data.IndexOf(row.Id);
            if (row.Location != data.Proteins[i].Location)
            {
                var (file, line) = data.Origins[i];
                throw new LabelledDataException(splitPath, row.Line, row.Id,
                    $"the split gives location '{row.Location}', but {file} line {line} gives '{data.Proteins[i].Location}'; " +
                    "correct one of the two.");
            }
            partitions[i] = row.Partition;
        }
        var missing = Enumerable.Range(0, partitions.Length).Where(i => partitions[i] is null).ToList();
        if (missing.Count > 0)
        {
            var protein = data.Proteins[missing[0]];
            var (file, line) = data.Origins[missing[0]];
            throw new LabelledDataException(file, line, protein.Id,
                $"protein '{protein.Id}'{More(missing.Count)} has no row in the split {splitPath}; add a row " +
                $"'{protein.Id}<TAB>{protein.Location}<TAB><partition>' to the split, or remove the protein from the data.");
        }
        return data.Proteins.Select((p, i) => p with { Partition = partitions[i] }).ToList();
    }

    public static List<Row> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Split file {path} does not exist; check the path.", path);
        var options = new CsvReaderOptions
        {
            Separator = '\t',
            HasHeader = true,
            Mode = CsvMode.NoEscape,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        using var csv = CsvReader.FromFile(path, options);
        csv.ReadHeader();
        var header = csv.Headers.ToList();
        if (header.Count == 0)
            throw Error(path, null, null, "the split file is empty; expected a header row 'id<TAB>location<TAB>partition' and one row per protein.");
        int[] column = Columns.Select(c => header.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (column.Contains(-1))
            throw Error(path, (int)csv.LineNumber, null,
                $"expected a header row naming the columns id, location and partition (tab-separated), found " +
                $"'{string.Join("<TAB>", header)}'; add or fix the header row.");
        var rows = new List<Row>();
        var lineById = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read())
        {
            int line = (int)csv.LineNumber;
            string[] values = column.Select(c => c < csv.FieldCount ? csv.GetString(c) : "").ToArray();
            string? id = values[0].Length > 0 ? values[0] : null;
            if (values.Any(v => v.Length == 0))
            {
                var fields = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString);
                throw Error(path, line, id,
                    $"expected {Columns.Length} tab-separated values (id, location, partition), found '{string.Join("<TAB>", fields)}'; " +
                    "fill in every column.");
            }
            if (lineById.TryGetValue(values[0], out int first))
                throw Error(path, line, id, $"protein '{id}' is already in the split at line {first}; give each protein one row.");
            lineById.Add(values[0], line);
            rows.Add(new Row(values[0], values[1], values[2], line));
        }
        return rows;
    }

    static string More(int count) => count > 1 ? $" (and {count - 1} more)" : "";

    static LabelledDataException Error(string path, int? line, string? id, string problem) => new(path, line, id, problem);
}
