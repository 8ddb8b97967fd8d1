using System.Diagnostics;

namespace StateLens.Scaffolding.Tests.Infrastructure;

internal sealed record ProcessResult(int ExitCode, string Output)
{
    public ProcessResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:\n{Output}");
}

/// <summary>
/// The container tooling prepared by .ci/containers/setup.sh: podman with its sandbox configuration, the stand-in
/// base images and the npm validators. Found through the variables the script exports, or its default work folder.
/// </summary>
internal static class Tools
{
    public static string WorkFolder => Environment.GetEnvironmentVariable("SL_CONTAINERS_WORK") is { Length: > 0 } w ? w : "/tmp/statelens-containers";

    public static string NodeModules => Environment.GetEnvironmentVariable("NODE_PATH") is { Length: > 0 } n ? n : Path.Combine(WorkFolder, "node_modules");

    public static string ValidateScript => Path.Combine(Repository.Root, ".ci", "containers", "validate.js");

    public static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));

    /// <summary>Null when podman and the stand-in images are ready, else the reason to skip.</summary>
    public static string? PodmanMissing()
    {
        if (!OnPath("podman") || !OnPath("podman-compose"))
        {
            return "podman or podman-compose is not installed: run `source .ci/containers/setup.sh` first";
        }

        var images = Run("podman", ["image", "exists", "mcr.microsoft.com/dotnet/sdk:10.0"], timeout: TimeSpan.FromMinutes(1));
        return images.ExitCode == 0 ? null : "the stand-in base image mcr.microsoft.com/dotnet/sdk:10.0 is missing: run `source .ci/containers/setup.sh` first";
    }

    /// <summary>Null when node and the validators are installed, else the reason to skip.</summary>
    public static string? ValidatorsMissing() =>
        !OnPath("node") ? "node is not installed"
        : !Directory.Exists(Path.Combine(NodeModules, "kubernetes-models")) ? $"the npm validators are not installed in {NodeModules}: run `source .ci/containers/setup.sh` first"
        : null;

    public static ProcessResult Run(string file, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // What setup.sh exports, for test runs from a shell that did not source it.
        SetDefault(start, "CONTAINERS_CONF", Path.Combine(WorkFolder, "containers.conf"));
        SetDefault(start, "CONTAINERS_STORAGE_CONF", Path.Combine(WorkFolder, "storage.conf"));
        start.Environment["NODE_PATH"] = NodeModules;

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return new ProcessResult(-1, output + "\n(timed out)");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString());
    }

    private static void SetDefault(ProcessStartInfo start, string name, string file)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)) && File.Exists(file))
        {
            start.Environment[name] = file;
        }
    }
}
