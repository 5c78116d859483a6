using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace LocSharp.Prediction;

/// <summary>Output formats of `locsharp predict`.</summary>
public enum PredictionFormat { Csv, Tsv, Json }

/// <summary>
/// Writes predictions in the documented, stable output contract. CSV and TSV: a header
/// <c>protein_id,location,confidence,truncated</c> followed by one probability column per location in the model's
/// order, then, for models that predict it, a column <c>membrane</c> (probability of membrane-bound); one row per
/// protein in input order. JSON: an array of objects with the same fields, a <c>probabilities</c> map and, for such
/// models, a field <c>membrane</c>. Probabilities have 4 decimals; <c>truncated</c> is true or false.
/// </summary>
public abstract class PredictionWriter : IDisposable
{
    public static readonly IReadOnlyList<string> FixedColumns = ["protein_id", "location", "confidence", "truncated"];

    /// <summary>The column (and JSON field) of the membrane-bound probability.</summary>
    public const string MembraneColumn = "membrane";

    protected PredictionWriter(IReadOnlyList<string> locations, bool membrane)
    {
        Locations = locations;
        Membrane = membrane;
    }

    protected IReadOnlyList<string> Locations { get; }

    /// <summary>Whether rows carry the membrane-bound probability.</summary>
    protected bool Membrane { get; }

    /// <param name="membrane">Write the membrane-bound probability (for models that predict it).</param>
    public static PredictionWriter Create(TextWriter output, PredictionFormat format, IReadOnlyList<string> locations, bool membrane = false) => format switch
    {
        PredictionFormat.Csv => new Delimited(output, ',', locations, membrane),
        PredictionFormat.Tsv => new Delimited(output, '\t', locations, membrane),
        PredictionFormat.Json => new Json(output, locations, membrane),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    float MembraneOf(ProteinPrediction prediction) =>
        prediction.Membrane ?? throw new ArgumentException($"The prediction of {prediction.Id} has no membrane-bound probability.", nameof(prediction));

    /// <summary>Writes one prediction; the header goes out with the first, so a run that fails before any
    /// prediction writes nothing.</summary>
    public void Write(ProteinPrediction prediction)
    {
        if (!started) Start();
        started = true;
        WriteRow(prediction);
    }

    /// <summary>Ends the output (closes the JSON array) and flushes it.</summary>
    public void Complete()
    {
        if (!started) Start();
        started = true;
        End();
    }

    bool started;

    protected abstract void Start();

    protected abstract void WriteRow(ProteinPrediction prediction);

    protected abstract void End();

    public abstract void Dispose();

    static string Number(float value) => value.ToString("F4", CultureInfo.InvariantCulture);

    sealed class Delimited : PredictionWriter
    {
        readonly CsvWriter csv;

        public Delimited(TextWriter output, char separator, IReadOnlyList<string> locations, bool membrane) : base(locations, membrane) =>
            csv = CsvWriter.Create(output, new CsvWriterOptions { Separator = separator, NewLine = "\n" }, leaveOpen: true);

        protected override void Start() => csv.WriteRecord([.. FixedColumns, .. Locations, .. Membrane ? new[] { MembraneColumn } : []]);

        protected override void WriteRow(ProteinPrediction prediction)
        {
            var fields = new string[FixedColumns.Count + Locations.Count + (Membrane ? 1 : 0)];
            fields[0] = prediction.Id;
            fields[1] = Locations[prediction.Best];
            fields[2] = Number(prediction.Confidence);
            fields[3] = prediction.Truncated ? "true" : "false";
            for (int i = 0; i < Locations.Count; i++) fields[FixedColumns.Count + i] = Number(prediction.Probabilities[i]);
            if (Membrane) fields[^1] = Number(MembraneOf(prediction));
            csv.WriteRecord(fields);
        }

        protected override void End() => csv.Flush();

        public override void Dispose() => csv.Dispose();
    }

    sealed class Json : PredictionWriter
    {
        readonly TextWriter output;
        readonly Utf8JsonWriter json;
        readonly MemoryStream buffer = new();

        public Json(TextWriter output, IReadOnlyList<string> locations, bool membrane) : base(locations, membrane)
        {
            this.output = output;
            json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
        }

        protected override void Start() => json.WriteStartArray();

        protected override void WriteRow(ProteinPrediction prediction)
        {
            json.WriteStartObject();
            json.WriteString("protein_id", prediction.Id);
            json.WriteString("location", Locations[prediction.Best]);
            json.WriteNumber("confidence", Math.Round((decimal)prediction.Confidence, 4));
            json.WriteBoolean("truncated", prediction.Truncated);
            json.WriteStartObject("probabilities");
            for (int i = 0; i < Locations.Count; i++) json.WriteNumber(Locations[i], Math.Round((decimal)prediction.Probabilities[i], 4));
            json.WriteEndObject();
            if (Membrane) json.WriteNumber(MembraneColumn, Math.Round((decimal)MembraneOf(prediction), 4));
            json.WriteEndObject();
            Drain();
        }

        protected override void End()
        {
            json.WriteEndArray();
            Drain();
            output.WriteLine();
            output.Flush();
        }

        /// <summary>Moves what the JSON writer has produced to the output, so memory stays flat.</summary>
        void Drain()
        {
            json.Flush();
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            buffer.SetLength(0);
        }

        public override void Dispose()
        {
            json.Dispose();
            buffer.Dispose();
        }
    }
}
