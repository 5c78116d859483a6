using System.IO.Compression;
using LocSharp.Sequences;

namespace LocSharp.Web;

/// <summary>
/// The proteins of a request: FASTA (plain or gzip) as the body (<c>text/plain</c> or any other type) or as a
/// <c>multipart/form-data</c> form's file field <c>file</c> or text field <c>fasta</c>. Read whole and checked before any prediction,
/// so a bad record fails the request before the network runs.
/// </summary>
public static class FastaUpload
{
    public const string FileField = "file";
    public const string TextField = "fasta";

    /// <summary>The records of the request, in order.</summary>
    /// <exception cref="RequestException">400: not FASTA, or bad records (the reader's message, naming line and
    /// record); 413: over the request size, the uncompressed size or the protein count limit.</exception>
    public static async Task<IReadOnlyList<FastaRecord>> ReadAsync(HttpRequest request, ServeOptions options, CancellationToken cancel)
    {
        var (content, source) = await ContentAsync(request, options, cancel);
        return Records(content, source, options);
    }

    static async Task<(Stream Content, string Source)> ContentAsync(HttpRequest request, ServeOptions options, CancellationToken cancel)
    {
        if (request.ContentLength > options.MaxRequestBytes) throw RequestTooLarge(options);
        var body = new MemoryStream();
        await using (var bounded = new BoundedStream(request.Body, options.MaxRequestBytes, () => RequestTooLarge(options)))
            await bounded.CopyToAsync(body, cancel);
        body.Position = 0;
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true) return (body, "request body");

        request.Body = body;
        var form = await request.ReadFormAsync(cancel);
        if (form.Files.GetFile(FileField) is { } file) return (file.OpenReadStream(), file.FileName is { Length: > 0 } name ? name : FileField);
        if (form.TryGetValue(TextField, out var text) && text.Count > 0)
            return (new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString())), "pasted text");
        throw RequestException.BadRequest($"the form has neither a file field '{FileField}' nor a text field '{TextField}'; send the FASTA in one of them.");
    }

    static IReadOnlyList<FastaRecord> Records(Stream content, string source, ServeOptions options)
    {
        using var text = IsGzip(content)
            ? new BoundedStream(new GZipStream(content, CompressionMode.Decompress), options.MaxUncompressedBytes,
                () => RequestException.TooLarge($"{source} expands to more than {Megabytes(options.MaxUncompressedBytes)} MB of FASTA, the limit for a gzip upload (ten times the request limit, --max-request-mb)."))
            : content;
        var records = new List<FastaRecord>();
        try
        {
            foreach (var record in FastaReader.Read(text, source))
            {
                if (records.Count == options.MaxProteins)
                    throw RequestException.TooLarge($"{source} holds more than {options.MaxProteins} proteins, the limit of one request (--max-proteins); split the input or raise the limit.");
                records.Add(record);
            }
        }
        catch (FastaFormatException e)
        {
            throw RequestException.BadRequest(e.Message);
        }
        return records;
    }

    /// <summary>The gzip magic number. The FASTA reader detects gzip itself; decompressing here bounds how far an
    /// upload may expand.</summary>
    static bool IsGzip(Stream content)
    {
        Span<byte> magic = stackalloc byte[2];
        int n = content.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        content.Position = 0;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    static RequestException RequestTooLarge(ServeOptions options) =>
        RequestException.TooLarge($"the request is larger than {Megabytes(options.MaxRequestBytes)} MB, the limit (--max-request-mb); split the input or raise the limit.");

    static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
