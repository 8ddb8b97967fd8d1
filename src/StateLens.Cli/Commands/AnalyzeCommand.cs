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
        [CommandArgument(0, "[path]")]
        [Description("A .sln, .slnx, .csproj or .vbproj file; a folder (one solution at its top: that solution; otherwise every solution under it); or a list file of solutions.")]
        public string Path { get; init; } = string.Empty;

        [CommandOption("--from <FILE>")]
        [Description("Instead of analyzing: write the outputs from a saved statelens.json (no sources needed).")]
        public string? From { get; init; }

        [CommandOption("--root <DIR>")]
        [Description("With --from: the folder the solution is in when the images are built (default: the current folder).")]
        public string? Root { get; init; }

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

        [CommandOption("--restore-timeout <SECONDS>")]
        [Description("The longest package restore may take in all, in seconds (default 180); sources that do not answer are skipped.")]
        public int? RestoreTimeout { get; init; }

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

        [CommandOption("--estate")]
        [Description("Analyse every solution under the folder, even when one solution sits at its top.")]
        public bool Estate { get; init; }

        [CommandOption("--estate-root <DIR>")]
        [Description("With several solutions: the folder their paths are relative to (default: the folder given, or the list file's folder).")]
        public string? EstateRoot { get; init; }

        [CommandOption("--jobs <N>")]
        [Description("With several solutions: how many to analyse at once (default 1), lowered to what the available memory holds.")]
        public int? Jobs { get; init; }

        [CommandOption("--solution-timeout <SECONDS>")]
        [Description("With several solutions: the longest one solution may take (default 1800); it is then stopped and listed as failed.")]
        public int? SolutionTimeout { get; init; }

        [CommandOption("--memory-per-solution <MB>")]
        [Description("With several solutions: the memory budget of one solution, which bounds --jobs (default 2048).")]
        public int? MemoryPerSolution { get; init; }

        [CommandOption("--no-resume")]
        [Description("With several solutions: analyse every one again, also those whose inputs did not change since the last run.")]
        public bool NoResume { get; init; }

        [CommandOption("--estate-path <PATH>")]
        [Description("The solution's path relative to its estate root, recorded as estatePath (set by estate runs for each solution).")]
        public string? EstatePath { get; init; }

        public override ValidationResult Validate()
        {
            if (From is null == string.IsNullOrEmpty(Path))
            {
                return ValidationResult.Error(From is null ? "give the path of the solution or project to analyze, or --from statelens.json" : "give either a path to analyze or --from, not both");
            }

            if (Root is not null && From is null)
            {
                return ValidationResult.Error("--root only applies with --from");
            }

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

            foreach (var (option, value) in new[] { ("--jobs", Jobs), ("--solution-timeout", SolutionTimeout), ("--memory-per-solution", MemoryPerSolution) })
            {
                if (value is <= 0)
                {
                    return ValidationResult.Error($"{option} must be a positive number, not {value}");
                }
            }

            if (RestoreTimeout is <= 0)
            {
                return ValidationResult.Error($"--restore-timeout must be a positive number of seconds, not {RestoreTimeout}");
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
        if (EstateAnalysis.Applies(settings))
        {
            return await EstateAnalysis.RunAsync(settings, ScaffoldAlways, cancellationToken);
        }

        EstateAnalysis.RejectEstateOptions(settings);
        var output = OutputFolder.Prepare(settings.Out);
        var model = settings.From is { } from
            ? JsonModelReader.Read(from, settings.Root ?? Environment.CurrentDirectory)
            : await AnalyzeAsync(settings, output, cancellationToken);
        if (settings.EstatePath is { } estatePath)
        {
            model = model with { EstatePath = estatePath.Replace('\\', '/') };
        }

        var console = new ProgressConsole(settings.Quiet);
        return Write(model, output, settings, console);
    }

    private static async Task<AnalysisModel> AnalyzeAsync(Settings settings, string output, CancellationToken cancellationToken)
    {
        var options = new AnalysisOptions
        {
            InputPath = settings.Path,
            WorkDirectory = System.IO.Path.Combine(output, ".work"),
            Properties = settings.Properties.Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1], StringComparer.OrdinalIgnoreCase),
            Restore = !settings.NoRestore,
            RestoreTimeout = settings.RestoreTimeout is { } seconds ? TimeSpan.FromSeconds(seconds) : AnalysisOptions.DefaultRestoreTimeout,
            IncludeTimestamp = settings.Timestamp,
        };

        var console = new ProgressConsole(settings.Quiet);
        try
        {
            return await console.RunAsync(progress => SolutionAnalyzer.AnalyzeAsync(options, progress, cancellationToken: cancellationToken));
        }
        finally
        {
            OutputFolder.RemoveIfEmpty(options.WorkDirectory);
        }
    }

    private int Write(AnalysisModel model, string output, Settings settings, ProgressConsole console)
    {
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
            if (model.Findings.Any(f => SeverityRank(ModelNames.Of(f.Severity)) >= threshold))
            {
                return 1;
            }
        }

        return 0;
    }
}
