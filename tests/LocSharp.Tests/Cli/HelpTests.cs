using LocSharp.Cli.Infrastructure;

namespace LocSharp.Tests.Cli;

public sealed class HelpTests
{
    [Fact]
    public void Help_lists_every_verb()
    {
        var result = CliRunner.Run("--help");

        Assert.Equal(ExitCodes.Success, result.Exit);
        foreach (string verb in new[] { "predict", "profile", "train", "cv", "ensemble", "evaluate", "explain", "serve", "split", "merge" })
            Assert.Matches($@"(?m)^\s+{verb}\b", result.Error);
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("profile")]
    [InlineData("train")]
    [InlineData("cv")]
    [InlineData("ensemble")]
    [InlineData("evaluate")]
    [InlineData("serve")]
    [InlineData("split")]
    [InlineData("merge")]
    [InlineData("explain", "attention")]
    [InlineData("explain", "filters")]
    [InlineData("explain", "embedding")]
    public void Every_verb_renders_its_help(params string[] verb)
    {
        var result = CliRunner.Run([.. verb, "--help"]);

        Assert.True(result.Exit == ExitCodes.Success, result.Error);
        Assert.Contains("USAGE:", result.Error);
        Assert.Contains("--", result.Error);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var result = CliRunner.Run("--version");

        Assert.Equal(ExitCodes.Success, result.Exit);
        Assert.Matches(@"\d+\.\d+\.\d+", result.Out + result.Error);
    }
}
