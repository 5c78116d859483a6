using LocSharp.Prediction;

namespace LocSharp.Tests.Prediction;

/// <summary>Joining prediction tables of consecutive parts: the bytes of each part, and an error naming the file
/// for anything that is not a part of the same table.</summary>
public sealed class PredictionTableMergerTests : IDisposable
{
    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    const string Header = "protein_id,location,confidence,truncated,ER,nuclear\n";

    byte[] Merge(params string[] parts)
    {
        using var output = new MemoryStream();
        PredictionTableMerger.Merge(parts, output);
        return output.ToArray();
    }

    PredictionTableException Fails(params string[] parts) => Assert.Throws<PredictionTableException>(() => Merge(parts));

    [Fact]
    public void Csv_and_tsv_keep_the_first_header_and_every_row_in_part_order()
    {
        string a = directory.Write("a.csv", Header + "P1,ER,0.6000,false,0.6000,0.4000\n");
        string b = directory.Write("b.csv", Header + "P2,nuclear,0.7000,true,0.3000,0.7000\nP3,ER,0.5000,false,0.5000,0.5000\n");
        string tsvHeader = Header.Replace(',', '\t');
        string c = directory.Write("c.tsv", tsvHeader + "P1\tER\t0.6000\tfalse\t0.6000\t0.4000\n");
        string d = directory.Write("d.tsv", tsvHeader);

        Assert.Equal(Header + "P1,ER,0.6000,false,0.6000,0.4000\nP2,nuclear,0.7000,true,0.3000,0.7000\nP3,ER,0.5000,false,0.5000,0.5000\n",
            System.Text.Encoding.UTF8.GetString(Merge(a, b)));
        Assert.Equal(File.ReadAllBytes(a), Merge(a));
        Assert.Equal(tsvHeader + "P1\tER\t0.6000\tfalse\t0.6000\t0.4000\n", System.Text.Encoding.UTF8.GetString(Merge(d, c, d)));
    }

    [Fact]
    public void Json_arrays_are_joined_keeping_every_token_as_written()
    {
        string a = directory.Write("a.json", "[\n  {\n    \"protein_id\": \"sp|P1+\\u003C\",\n    \"confidence\": 0.6000\n  }\n]\n");
        string b = directory.Write("b.json", "[\n  {\n    \"protein_id\": \"P2\",\n    \"confidence\": 1E0\n  }\n]\n");
        string empty = directory.Write("c.json", "[]\n");

        Assert.Equal("[\n  {\n    \"protein_id\": \"sp|P1\\u002B\\u003C\",\n    \"confidence\": 0.6000\n  },\n  {\n    \"protein_id\": \"P2\",\n    \"confidence\": 1E0\n  }\n]\n",
            System.Text.Encoding.UTF8.GetString(Merge(a, empty, b)));
    }

    [Fact]
    public void Parts_of_another_model_are_refused_naming_the_file()
    {
        string a = directory.Write("a.csv", Header + "P1,ER,0.6000,false,0.6000,0.4000\n");
        string b = directory.Write("b.csv", "protein_id,location,confidence,truncated,ER,Golgi\nP2,ER,0.6000,false,0.6000,0.4000\n");
        var error = Fails(a, b);
        Assert.StartsWith($"{b} line 1: its columns differ from those of {a}", error.Message);
        Assert.Contains("merge only parts predicted with the same model", error.Message);

        string j1 = directory.Write("a.json", "[{\"protein_id\": \"P1\", \"probabilities\": {\"ER\": 0.5}}]\n");
        string j2 = directory.Write("b.json", "[{\"protein_id\": \"P2\", \"probabilities\": {\"Golgi\": 0.5}}]\n");
        Assert.Contains("has the fields protein_id, probabilities.Golgi, but earlier ones have protein_id, probabilities.ER", Fails(j1, j2).Message);
    }

    [Fact]
    public void Mixed_formats_are_refused()
    {
        string a = directory.Write("a.csv", Header);
        string b = directory.Write("b.json", "[]\n");
        Assert.Equal($"{b}: it is JSON but {a} is CSV; merge tables of one format.", Fails(a, b).Message);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("id,location\nP1,ER\n", "line 1: expected a table written by locsharp predict")]
    [InlineData("protein_id;location\n", "line 1: expected a table written by locsharp predict")]
    [InlineData("protein_id,location,confidence,truncated,ER,nuclear", "the header has no line end")]
    [InlineData("protein_id,location,confidence,truncated,ER,nuclear\nP2,nuclear,0.7", "does not end with a line end")]
    [InlineData("[{\"protein_id\": \"P1\"},", "line 1: the JSON is malformed")]
    [InlineData("[\n  1\n]\n", "expected prediction objects with a 'protein_id' field, found number 1")]
    [InlineData("[{\"id\": \"P1\"}]\n", "expected prediction objects with a 'protein_id' field")]
    public void A_file_that_is_not_a_whole_prediction_table_is_refused(string text, string message)
    {
        string good = directory.Write("good.csv", Header);
        string bad = directory.Write("bad.txt", text);
        var error = text.StartsWith('[') ? Fails(bad) : Fails(bad, good);
        Assert.StartsWith(bad, error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_missing_part_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Merge(directory.Write("a.csv", Header), directory.Path("gone.csv")));
        Assert.Contains("gone.csv does not exist", error.Message);
    }
}
