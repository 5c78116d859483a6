using LocSharp.Cli.Infrastructure;
using Spectre.Console;

namespace LocSharp.Tests.Cli;

public class ProteinProgressTests
{
    static (CliEnvironment Environment, StringWriter Error) Environment(bool terminal)
    {
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        return (new CliEnvironment(new StringWriter(), console, () => Stream.Null, terminal), error);
    }

    [Fact]
    public void Without_a_terminal_the_work_gets_no_reporter_and_nothing_is_written()
    {
        var (environment, error) = Environment(terminal: false);

        int result = ProteinProgress.Run(environment, "predicting", 10, progress => { Assert.Null(progress); return 7; });

        Assert.Equal(7, result);
        Assert.Equal("", error.ToString());
    }

    [Theory]
    [InlineData(10L)]
    [InlineData(null)]
    public void On_a_terminal_the_work_gets_a_reporter_with_or_without_a_known_total(long? total)
    {
        var (environment, _) = Environment(terminal: true);

        int result = ProteinProgress.Run(environment, "predicting", total, progress =>
        {
            Assert.NotNull(progress);
            for (long done = 1; done <= 12; done++) progress.Report(done); // past an unknown total, too
            return 7;
        });

        Assert.Equal(7, result);
    }

    [Fact]
    public void A_total_learned_while_working_is_shown_as_done_of_total()
    {
        var (environment, _) = Environment(terminal: true);

        int result = ProteinProgress.Run(environment, "profiling", null, progress =>
        {
            var shown = Assert.IsType<ProteinProgress>(progress);
            shown.Report(0, 4);
            shown.Report(4, 4);
            return 7;
        });

        Assert.Equal(7, result);
    }
}
