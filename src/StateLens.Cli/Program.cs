using System.Reflection;
using Spectre.Console.Cli;
using StateLens.Cli.Commands;
using StateLens.Engine;

namespace StateLens.Cli;

public static class Program
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUserError = 2;

    public static async Task<int> Main(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("statelens");
            config.SetApplicationVersion(Version);
            config.PropagateExceptions();
            config.AddCommand<AnalyzeCommand>("analyze")
                .WithDescription("Analyze a solution or project and write the migration report (JSON, SARIF, HTML).")
                .WithExample("analyze", "MyShop.sln", "--out", "statelens-out", "--format", "json,html,sarif");
            config.AddCommand<ScaffoldCommand>("scaffold")
                .WithDescription("Analyze, then write Dockerfiles, compose and Kubernetes files for the parts that can run in containers.")
                .WithExample("scaffold", "MyShop.sln", "--out", "statelens-out")
                .WithExample("scaffold", "--from", "statelens-out/statelens.json", "--out", "statelens-out");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write the reports (and with --scaffold the container files) from a saved statelens.json, without the sources.")
                .WithExample("report", "--from", "statelens-out/statelens.json", "--format", "html,sarif", "--out", "report");
            config.AddCommand<RulesCommand>("rules")
                .WithDescription("List the rule catalogue.");
        });

        try
        {
            return await app.RunAsync(args);
        }
        catch (UserInputException e)
        {
            return Fail(e.Message);
        }
        catch (CommandAppException e)
        {
            return Fail(e.Message + " (see 'statelens --help')");
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled");
        }
    }

    public static string Version =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static int Fail(string message)
    {
        Console.Error.WriteLine("statelens: error: " + message);
        return ExitUserError;
    }
}
