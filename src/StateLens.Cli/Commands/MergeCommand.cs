using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StateLens.Engine;
using StateLens.Engine.Estate;
using StateLens.Engine.Model;
using StateLens.Reporting;
using StateLens.Reporting.Estate;

namespace StateLens.Cli.Commands;

/// <summary>`statelens merge`: many solutions' statelens.json (and failure files) into one estate model and report.</summary>
internal sealed class MergeCommand : Command<MergeCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<paths>")]
        [Description("statelens.json files, statelens-failure.json files, or folders searched for both.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("-o|--out <DIR>")]
        [Description("Output folder (default ./statelens-out). StateLens writes nowhere else.")]
        public string Out { get; init; } = "statelens-out";

        [CommandOption("-f|--format <FORMATS>")]
        [Description("Comma-separated: json, html, csv (default: all three).")]
        public string Format { get; init; } = string.Join(',', EstateWriters.Formats);

        [CommandOption("--effort <FILE>")]
        [Description("A JSON file of effort weights replacing the defaults (docs/estate.md).")]
        public string? Effort { get; init; }

        [CommandOption("--templates <DIR>")]
        [Description("Folder with report templates overriding the built-in ones (estate-*.sbn, styles.sbn).")]
        public string? Templates { get; init; }

        [CommandOption("-q|--quiet")]
        [Description("Print nothing but errors.")]
        public bool Quiet { get; init; }

        public override ValidationResult Validate()
        {
            if (Formats().FirstOrDefault(f => !EstateWriters.Formats.Contains(f)) is { } unknown)
            {
                return ValidationResult.Error($"unknown format '{unknown}'; use {string.Join(", ", EstateWriters.Formats)}");
            }

            if (Effort is not null && !File.Exists(Effort))
            {
                return ValidationResult.Error($"the --effort file '{Effort}' does not exist");
            }

            if (Templates is not null && !Directory.Exists(Templates))
            {
                return ValidationResult.Error($"the --templates folder '{Templates}' does not exist");
            }

            return ValidationResult.Success();
        }

        public IReadOnlyList<string> Formats() =>
            Format.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).Distinct().ToList();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var weights = settings.Effort is { } effort ? EffortWeights.Load(effort) : null;
        var output = OutputFolder.Prepare(settings.Out);
        var estate = EstateMerger.Merge(EstateInputReader.Read(settings.Paths, output), weights);
        var written = OutputFolder.Write(output, () => WriteAll(estate, output, settings));
        if (!settings.Quiet)
        {
            Summary(estate, written);
        }

        return Program.ExitOk;
    }

    private static IReadOnlyList<string> WriteAll(EstateModel estate, string output, Settings settings)
    {
        try
        {
            return EstateWriters.Write(estate, output, settings.Formats(), settings.Templates);
        }
        catch (ReportTemplateException e)
        {
            throw new UserInputException($"{e.Message}; fix the template or drop --templates.");
        }
    }

    private static void Summary(EstateModel estate, IReadOnlyList<string> written)
    {
        var totals = estate.Totals;
        foreach (var failed in estate.Applications.Where(a => a.Failure is not null))
        {
            Console.WriteLine($"not analysed: {failed.Solution}: {failed.Failure}");
        }

        Console.WriteLine($"{totals.Applications} application(s), {totals.Projects} project(s), {totals.Effort.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} person-days estimated:");
        foreach (var destination in Enum.GetValues<Destination>())
        {
            Console.WriteLine($"  {ModelNames.Of(destination),-28} {totals.ProjectsByDestination[destination],4} project(s)");
        }

        Console.WriteLine($"  {"not analysed",-28} {totals.ProjectsNotAnalysed,4} project(s)");
        foreach (var resource in estate.SharedResources)
        {
            Console.WriteLine($"shared {ModelNames.Of(resource.Kind)} {resource.Name}: {string.Join(", ", resource.Applications.Select(a => a.Solution))}");
        }

        foreach (var file in written)
        {
            Console.WriteLine("wrote " + Path.GetRelativePath(Environment.CurrentDirectory, file));
        }
    }
}
