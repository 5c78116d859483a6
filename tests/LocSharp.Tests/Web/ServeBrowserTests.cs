using LocSharp.Cli.Infrastructure;
using LocSharp.Tests.Cli;
using LocSharp.Web;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace LocSharp.Tests.Web;

/// <summary>
/// The page in a real browser: Debian's chromium driven by Selenium WebDriver against `locsharp serve` on a free
/// port, with the shipped R-LSTM and A-LSTM. Skipped, saying why, only where chromium or chromedriver is missing
/// (.ci/run installs both). Set LOCSHARP_SERVE_SCREENSHOT=FILE to keep the screenshot (docs/figures/serve.png).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ServeBrowserTests : IDisposable
{
    const string Chromium = "/usr/bin/chromium";
    const string ChromeDriver = "/usr/bin/chromedriver";
    static readonly string Example = Repository.Path("examples", "proteins.fasta");
    static readonly string ALstm = Repository.Path("models", "alstm-multiloc.lsm");
    static readonly string RLstm = Repository.Path("models", "rlstm-multiloc.lsm");

    readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [SkippableFact]
    public async Task Paste_submit_sort_filter_open_evidence_and_download_the_csv()
    {
        string downloads = Directory.CreateDirectory(directory.Path("downloads")).FullName;
        await using var page = await Page.OpenAsync(downloads, RLstm, ALstm);
        var (browser, wait) = (page.Browser, page.Wait);
        new SelectElement(browser.FindElement(By.Id("model"))).SelectByText("alstm-multiloc");
        Assert.Contains("11 locations", browser.FindElement(By.Id("model-info")).Text);
        browser.FindElement(By.Id("fasta")).SendKeys(File.ReadAllText(Example));
        browser.FindElement(By.Id("submit")).Click();
        wait.Until(d => d.FindElement(By.Id("results")).Displayed && Rows(d).Count == 4);

        string csv = CliPredict(ALstm);
        var expected = csv.TrimEnd('\n').Split('\n').Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(expected.Select(r => new[] { r[0], r[1], r[2], r[3] }), Rows(browser).Select(Cells));
        Assert.Equal(["protein", "location", "confidence", "truncated"], browser.FindElements(By.CssSelector("#table th")).Select(th => th.Text));

        browser.FindElements(By.CssSelector("#table th"))[2].Click(); // sort by confidence, ascending
        Assert.Equal(expected.OrderBy(r => r[2]).Select(r => r[0]), Rows(browser).Select(r => Cells(r)[0]));
        new SelectElement(browser.FindElement(By.Id("filter"))).SelectByValue("mitochondrial");
        Assert.Equal(expected.Where(r => r[1] == "mitochondrial").Select(r => r[0]), Rows(browser).Select(r => Cells(r)[0]));
        new SelectElement(browser.FindElement(By.Id("filter"))).SelectByValue("");

        var sod = Rows(browser).Single(r => Cells(r)[0] == "P04179");
        sod.Click();
        wait.Until(d => d.FindElement(By.Id("evidence")).Displayed && d.FindElements(By.CssSelector("#track polyline")).Count == 1);
        Assert.StartsWith("P04179: mitochondrial", browser.FindElement(By.Id("evidence-title")).Text);
        Assert.Equal(11, browser.FindElements(By.CssSelector("#bars rect")).Count);
        int length = LocSharp.Sequences.FastaReader.Read(Example).Single(r => r.Id == "P04179").Sequence.Length;
        Assert.Equal(length, browser.FindElement(By.CssSelector("#track polyline")).GetAttribute("points")!.Split(' ').Length);
        SaveScreenshot(browser);
        browser.FindElement(By.Id("attribution")).Click(); // the whole model's evidence instead of its attention
        wait.Until(d => d.FindElement(By.Id("track-caption")).Text.Contains("integrated gradients of alstm-multiloc"));
        Assert.False(browser.FindElement(By.Id("attribution")).Displayed);

        browser.FindElement(By.Id("download-csv")).Click();
        string file = Path.Combine(downloads, "locsharp-alstm-multiloc.csv");
        wait.Until(_ => File.Exists(file));
        Assert.Equal(csv, File.ReadAllText(file));
    }

    [SkippableFact]
    public async Task A_membrane_model_gets_a_membrane_column()
    {
        using var models = new ServeModels();
        await using var page = await Page.OpenAsync(directory.Root, models.Membrane);
        var (browser, wait) = (page.Browser, page.Wait);
        Assert.Contains("10 locations", browser.FindElement(By.Id("model-info")).Text);
        Assert.Contains("membrane-bound vs soluble", browser.FindElement(By.Id("model-info")).Text);
        browser.FindElement(By.Id("fasta")).SendKeys(File.ReadAllText(Example));
        browser.FindElement(By.Id("submit")).Click();
        wait.Until(d => d.FindElement(By.Id("results")).Displayed && Rows(d).Count == 4);

        Assert.Equal(["protein", "location", "confidence", "membrane", "truncated"], browser.FindElements(By.CssSelector("#table th")).Select(th => th.Text));
        var expected = CliPredict(models.Membrane).TrimEnd('\n').Split('\n').Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(expected.Select(r => new[] { r[0], r[1], r[2], r[^1], r[3] }), Rows(browser).Select(Cells));
    }

    [SkippableFact]
    public async Task An_r_lstm_shows_the_attribution_of_its_call_along_the_sequence()
    {
        using var models = new ServeModels();
        await using var page = await Page.OpenAsync(directory.Root, models.RLstm);
        var (browser, wait) = (page.Browser, page.Wait);
        browser.FindElement(By.Id("fasta")).SendKeys(File.ReadAllText(Example));
        browser.FindElement(By.Id("submit")).Click();
        wait.Until(d => d.FindElement(By.Id("results")).Displayed && Rows(d).Count == 4);
        Rows(browser).Single(r => Cells(r)[0] == "P01308").Click();
        wait.Until(d => d.FindElement(By.Id("evidence")).Displayed && d.FindElements(By.CssSelector("#track polyline")).Count == 1);

        string caption = browser.FindElement(By.Id("track-caption")).Text;
        Assert.Contains("integrated gradients of tiny-rlstm", caption);
        Assert.Contains(Cells(Rows(browser).Single(r => Cells(r)[0] == "P01308"))[1], caption); // the location called
        int length = LocSharp.Sequences.FastaReader.Read(Example).Single(r => r.Id == "P01308").Sequence.Length;
        Assert.Equal(Math.Min(length, 50), browser.FindElement(By.CssSelector("#track polyline")).GetAttribute("points")!.Split(' ').Length);
    }

    [SkippableFact]
    public async Task Bad_input_shows_the_servers_message()
    {
        await using var page = await Page.OpenAsync(directory.Root, RLstm);
        var (browser, wait) = (page.Browser, page.Wait);
        browser.FindElement(By.Id("fasta")).SendKeys(">P1 bad\nMKV1LA\n");
        browser.FindElement(By.Id("submit")).Click();
        wait.Until(d => d.FindElement(By.Id("error")).Displayed);

        Assert.StartsWith("pasted text line 2 (record P1): ", browser.FindElement(By.Id("error")).Text);
        Assert.False(browser.FindElement(By.Id("results")).Displayed);
    }

    /// <summary><c>locsharp serve</c> of <paramref name="models"/> on a free port and a headless browser on its page,
    /// once the page lists the models; skips the test where chromium or chromedriver is missing.</summary>
    sealed class Page : IAsyncDisposable
    {
        public required WebApplication Server { get; init; }
        public required ChromeDriver Browser { get; init; }
        public required WebDriverWait Wait { get; init; }

        public static async Task<Page> OpenAsync(string downloads, params string[] models)
        {
            Skip.IfNot(File.Exists(Chromium) && File.Exists(ChromeDriver),
                $"the browser test needs Debian's chromium ({Chromium}) and chromium-driver ({ChromeDriver}): apt-get install chromium chromium-driver");
            var server = WebServer.Create(new ServeOptions { Port = 0, ModelPaths = models });
            await server.StartAsync();
            var browser = Start(downloads);
            var page = new Page { Server = server, Browser = browser, Wait = new WebDriverWait(browser, TimeSpan.FromSeconds(60)) };
            browser.Navigate().GoToUrl(WebServer.Addresses(server).Single() + "/");
            page.Wait.Until(d => d.FindElements(By.CssSelector("#model option")).Count == models.Length);
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            Browser.Dispose();
            await Server.DisposeAsync();
        }
    }

    static ChromeDriver Start(string downloads)
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,1250");
        options.AddUserProfilePreference("download.default_directory", downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    static IReadOnlyList<IWebElement> Rows(IWebDriver browser) => browser.FindElements(By.CssSelector("#table tbody tr"));

    static string[] Cells(IWebElement row) => row.FindElements(By.TagName("td")).Select(td => td.Text).ToArray();

    static string CliPredict(string model)
    {
        var result = CliRunner.Run("predict", Example, "-m", model);
        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        return result.Out;
    }

    void SaveScreenshot(ChromeDriver browser)
    {
        string path = directory.Path("serve.png");
        browser.GetScreenshot().SaveAsFile(path);
        Assert.True(new FileInfo(path).Length > 10_000, "the screenshot is not empty");
        if (Environment.GetEnvironmentVariable("LOCSHARP_SERVE_SCREENSHOT") is { Length: > 0 } keep) File.Copy(path, keep, overwrite: true);
    }
}
