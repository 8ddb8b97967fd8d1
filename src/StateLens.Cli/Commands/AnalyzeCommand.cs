using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StateLens.Engine;
using StateLens.Engine.Analysis;
using StateLens.Engine.Model;
using StateLens.Reporting;
using StateLens.Scaffolding;

namespace StateLens.Cli.Commands;

/// <summary>`statelens analyze`: load, analyze, decide, write the reports; exit 1 when findings reach --fail-on.</summary>
internal class AnalyzeCommand : AsyncCommand<AnalyzeCommand.Settings>
{
    internal class Settings : CommandSettings
    {
        [CommandArgument(0, "<path>")]
        [Description("A .sln, .slnx, .csproj or .vbproj file, or a folder that holds one solution.")]
        public string Path { get; init; } = string.Empty;

        [CommandOption("-o|--out <DIR>")]
        [Description("Output folder (default ./statelens-out). StateLens writes nowhere else.")]
        public string Out { get; init; } = "statelens-out";

        [CommandOption("-f|--format <FORMATS>")]
        [Description("Comma-separated: json, html, sarif (default: all three).")]
        public virtual string Format { get; init; } = "json,html,sarif";

        [CommandOption("-p|--property <NAME=VALUE>")]
        [Description("A global MSBuild property for loading the projects; repeatable.")]
        public string[] Properties { get; init; } = [];

        [CommandOption("--fail-on <SEVERITY>")]
        [Description("Exit with code 1 when a finding has this severity or higher: info, warning or error.")]
        public string? FailOn { get; init; }

        [CommandOption("--no-restore")]
        [Description("Do not run 'dotnet restore' for projects that were never restored.")]
        public bool NoRestore { get; init; }

        [CommandOption("--timestamp")]
        [Description("Record the time of the run in the reports (off by default so reports are byte-identical).")]
        public bool Timestamp { get; init; }

        [CommandOption("--templates <DIR>")]
        [Description("Folder with report templates overriding the built-in ones.")]
        public string? Templates { get; init; }

        [CommandOption("--scaffold")]
        [Description("Also write container files (Dockerfile, compose, Kubernetes) under <out>/containers.")]
        public bool Scaffold { get; init; }

        [CommandOption("--force")]
        [Description("With --scaffold: replace container files that StateLens generated before (a file you wrote is never replaced).")]
        public bool Force { get; init; }

        [CommandOption("--scaffold-templates <DIR>")]
        [Description("Folder with scaffold templates overriding the built-in ones.")]
        public string? ScaffoldTemplates { get; init; }

        [CommandOption("-q|--quiet")]
        [Description("Print nothing but errors.")]
        public bool Quiet { get; init; }

        public override ValidationResult Validate()
        {
            if (Formats().FirstOrDefault(f => !KnownFormats.Contains(f)) is { } unknown)
            {
                return ValidationResult.Error($"unknown format '{unknown}'; use json, html or sarif");
            }

            if (FailOn is not null && SeverityRank(FailOn) < 0)
            {
                return ValidationResult.Error($"unknown --fail-on severity '{FailOn}'; use info, warning or error");
            }

            foreach (var (option, folder) in new[] { ("--templates", Templates), ("--scaffold-templates", ScaffoldTemplates) })
            {
                if (folder is not null && !Directory.Exists(folder))
                {
                    return ValidationResult.Error($"the {option} folder '{folder}' does not exist");
                }
            }

            if (Properties.FirstOrDefault(p => !p.Contains('=', StringComparison.Ordinal) || p.StartsWith('=')) is { } bad)
            {
                return ValidationResult.Error($"--property '{bad}' is not NAME=VALUE");
            }

            return ValidationResult.Success();
        }

        public IReadOnlyList<string> Formats() =>
            Format.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).Distinct().ToList();
    }

    /// <summary>True for `statelens scaffold`, where the container files are the point.</summary>
    protected virtual bool ScaffoldAlways => false;

    private static readonly string[] KnownFormats = ["json", "html", "sarif"];

    public static int SeverityRank(string severity) => severity.ToLowerInvariant() switch
    {
        "info" => 0,
        "warning" => 1,
        "error" => 2,
        _ => -1,
    };

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var output = OutputFolder.Prepare(settings.Out);
        var options = new AnalysisOptions
        {
            InputPath = settings.Path,
            WorkDirectory = System.IO.Path.Combine(output, ".work"),
            Properties = settings.Properties.Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1], StringComparer.OrdinalIgnoreCase),
            Restore = !settings.NoRestore,
            IncludeTimestamp = settings.Timestamp,
        };

        var console = new ProgressConsole(settings.Quiet);
        AnalysisModel model;
        try
        {
            model = await console.RunAsync(progress => SolutionAnalyzer.AnalyzeAsync(options, progress, cancellationToken: cancellationToken));
        }
        finally
        {
            OutputFolder.RemoveIfEmpty(options.WorkDirectory);
        }

        var written = OutputFolder.Write(output, () => ReportWriters.Write(model, output, settings.Formats(), settings.Templates));
        console.Summary(model, written);
        if (settings.Scaffold || ScaffoldAlways)
        {
            var scaffold = OutputFolder.Write(output, () => ScaffoldTemplates.Guard(settings.ScaffoldTemplates, () => ScaffoldWriter.Write(model, output, new ScaffoldOptions { Force = settings.Force, TemplateDirectory = settings.ScaffoldTemplates })));
            console.Scaffold(scaffold, System.IO.Path.Combine(output, ScaffoldWriter.ContainersFolder));
        }

        if (settings.FailOn is { } failOn)
        {
            var threshold = SeverityRank(failOn);
            if (model.Findings.Any(f => SeverityRank(f.Severity) >= threshold))
            {
                return 1;
            }
        }

        return 0;
    }
}
