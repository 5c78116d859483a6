namespace LocSharp.Web;

/// <summary>The page's files (HTML, CSS, JavaScript), embedded in the assembly so the server needs nothing beside it.</summary>
public static class PageAssets
{
    static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    };

    public static readonly IReadOnlyList<string> Files = ["index.html", "style.css", "app.js"];

    /// <summary>The bytes and content type of page file <paramref name="name"/>.</summary>
    public static (byte[] Content, string ContentType) Get(string name)
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream($"LocSharp.Web.wwwroot.{name}")
            ?? throw new InvalidOperationException($"The page file {name} is not embedded in {typeof(PageAssets).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (copy.ToArray(), ContentTypes[Path.GetExtension(name)]);
    }
}
