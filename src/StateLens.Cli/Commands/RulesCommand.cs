using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StateLens.Engine;
using StateLens.Engine.Analysis;

namespace StateLens.Cli.Commands;

/// <summary>
/// `statelens rules`: the rule catalogue, as a table on a terminal and as tab-separated lines when redirected;
/// `statelens rules SL1001`: that rule's page (docs/rules/SL1001.md, embedded, so it works offline).
/// </summary>
internal sealed class RulesCommand : Command<RulesCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[id]")]
        [Description("A rule ID (SL1001): print that rule's documentation page.")]
        public string? Id { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Id is { } id)
        {
            Console.Out.Write(RuleDocs.Page(id) ?? throw new UserInputException($"there is no rule '{id}'; 'statelens rules' lists them."));
            return 0;
        }

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
        AnsiConsole.WriteLine("'statelens rules <ID>' prints a rule's page.");
        return 0;
    }
}
