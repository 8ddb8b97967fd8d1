using Spectre.Console;
using Spectre.Console.Cli;
using StateLens.Engine.Analysis;

namespace StateLens.Cli.Commands;

/// <summary>`statelens rules`: the rule catalogue, as a table on a terminal and as tab-separated lines when redirected.</summary>
internal sealed class RulesCommand : Command<RulesCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var rules = RuleCatalog.Rules;
        if (Console.IsOutputRedirected)
        {
            foreach (var rule in rules)
            {
                Console.WriteLine($"{rule.Id}\t{rule.Category}\t{rule.DefaultSeverity}\t{rule.Title}\t{rule.HelpUri}");
            }

            return 0;
        }

        var table = new Table().AddColumns("ID", "Category", "Severity", "Title");
        foreach (var rule in rules)
        {
            table.AddRow(rule.Id, rule.Category, rule.DefaultSeverity, Markup.Escape(rule.Title));
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
