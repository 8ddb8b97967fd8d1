using System.Reflection;
using Spectre.Console.Cli;
using StateLens.Cli.Commands;
using StateLens.Engine;

namespace StateLens.Cli;

/// <summary>
/// The command line's contract, for every command and option alike: unknown commands and options, bad values and
/// bad input are user errors (exit 2); anything else is an internal error (exit 3) whose details go to a log file.
/// Either way the console gets exactly one line on stderr.
/// </summary>
public static class Program
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUserError = 2;
    public const int ExitInternalError = 3;

    public static async Task<int> Main(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("statelens");
            config.SetApplicationVersion(Version);
            config.PropagateExceptions();
            // Strict: a misspelt option (--formt) is an error, not an argument quietly left unused.
            config.UseStrictParsing();
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
            config.AddCommand<MergeCommand>("merge")
                .WithDescription("Merge many solutions' statelens.json files into one estate report: destinations, effort, shared resources (JSON, HTML, CSV).")
                .WithExample("merge", "out/", "--out", "estate", "--format", "json,html,csv");
            config.AddCommand<ShardCommand>("shard")
                .WithDescription("Split the solutions under a folder into N shards for separate CI jobs; print the matrix or write one shard's list file.")
                .WithExample("shard", ".", "--shards", "4", "--index", "0", "--out", "shard-0.txt");
            config.AddCommand<RulesCommand>("rules")
                .WithDescription("List the rule catalogue, or print one rule's page (statelens rules SL1001).")
                .WithExample("rules", "SL2001");
        });

        try
        {
            return await app.RunAsync(args);
        }
        catch (Exception e)
        {
            return Report(e, args);
        }
    }

    public static string Version =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Maps an exception to the documented exit code and its one line on stderr.</summary>
    internal static int Report(Exception exception, IReadOnlyList<string> args)
    {
        switch (exception)
        {
            case UserInputException e:
                return Fail(e.Message, ExitUserError);
            // Parse errors (unknown command or option, missing value) and failed Validate() results.
            case CommandParseException or CommandRuntimeException:
                return Fail(exception.Message + " (see 'statelens --help')", ExitUserError);
            case OperationCanceledException:
                return Fail("cancelled", ExitUserError);
            default:
                var log = ErrorLog.Write(exception, args);
                var where = log is null ? "the details could not be written to a log file" : $"details in {log}";
                return Fail($"internal error: {exception.GetType().Name}: {exception.Message} ({where}; please report it)", ExitInternalError);
        }
    }

    private static int Fail(string message, int exitCode)
    {
        // One line, whatever the exception's message held.
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Console.Error.WriteLine("statelens: error: " + line);
        return exitCode;
    }
}
