using Spectre.Console.Cli;
using StateLens.Engine;

namespace StateLens.Cli.Commands;

/// <summary>`statelens report --from statelens.json`: write the reports of a saved analysis again, without the sources.</summary>
internal sealed class ReportCommand : AnalyzeCommand
{
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        settings.From is null
            ? throw new UserInputException("report writes from a saved analysis: pass --from statelens.json (to analyze a solution use 'statelens analyze')")
            : base.ExecuteAsync(context, settings, cancellationToken);
}
