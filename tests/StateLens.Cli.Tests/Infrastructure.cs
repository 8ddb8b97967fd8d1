using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace StateLens.Cli.Tests;

/// <summary>A finished process: exit code and both streams.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}

public static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string NuGetPackageRoot { get; } = Metadata("NuGetPackageRoot");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static readonly SemaphoreSlim PackLock = new(1, 1);

    /// <summary>
    /// Packs a project of the repository into <paramref name="output"/>, one pack at a time: two packs of one project
    /// share its obj folder, and a concurrent one once left Microsoft.CodeAnalysis.Workspaces.dll out of the tool package.
    /// </summary>
    private static async Task<ProcessResult> PackAsync(string project, string output)
    {
        await PackLock.WaitAsync();
        try
        {
            return await RunAsync("dotnet", Root, "pack", project, "-c", Configuration, "--no-build", "-o", output);
        }
        finally
        {
            PackLock.Release();
        }
    }

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Packed = new(StringComparer.Ordinal);

    /// <summary>
    /// The folder holding the package of <paramref name="project"/>, packed once per test run (every pack of the same
    /// build gives the same package): the tool's install, the analyzer package's consumers and the metadata tests share it.
    /// Read it, never write to it.
    /// </summary>
    public static Task<string> PackedAsync(string project) =>
        Packed.GetOrAdd(project, p => new Lazy<Task<string>>(() => PackOnceAsync(p))).Value;

    private static async Task<string> PackOnceAsync(string project)
    {
        var folder = Path.Combine(NewTempDirectory("packed"), "feed");
        var pack = await PackAsync(project, folder);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        return folder;
    }

    public static Task<ProcessResult> RunAsync(string fileName, string workingDirectory, params string[] arguments) =>
        RunAsync(fileName, workingDirectory, new Dictionary<string, string>(), arguments);

    public static async Task<ProcessResult> RunAsync(string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Stop it and what it started, so that a hung run does not keep loading the machine for the tests after it.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var streams = Task.WhenAll(stdout, stderr);
            var output = await Task.WhenAny(streams, Task.Delay(TimeSpan.FromSeconds(10))) == streams ? $"\nstdout:\n{stdout.Result}\nstderr:\n{stderr.Result}" : string.Empty;
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' in {workingDirectory} ran for more than {ProcessTimeout.TotalMinutes} minutes and was stopped with its process tree{output}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>How long one process of a test may run before it is stopped and the test fails.</summary>
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(8);

    public static string NewTempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "statelens-tests", prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Copies a folder tree, leaving out build output, as a fresh clone would have it.</summary>
    public static void CopyTree(string source, string destination)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, directory);
            if (!IsBuildOutput(relative))
            {
                Directory.CreateDirectory(Path.Combine(destination, relative));
            }
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (!IsBuildOutput(relative))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(destination, relative))!);
                File.Copy(file, Path.Combine(destination, relative), overwrite: true);
            }
        }
    }

    public static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}

/// <summary>
/// Packs the CLI as a dotnet tool once per test run and installs it into a private tool path, as a user would; the
/// collections that use it share the one install.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    public string Executable { get; private set; } = string.Empty;

    public async Task InitializeAsync() => Executable = await Installed.Value;

    private static async Task<string> InstallAsync()
    {
        var root = Repository.NewTempDirectory("tool");
        var packages = await Repository.PackedAsync("src/StateLens.Cli/StateLens.Cli.csproj");
        var toolPath = Path.Combine(root, "tool");
        var install = await Repository.RunAsync("dotnet", root, "tool", "install", "--tool-path", toolPath, "--add-source", packages, "StateLens.Tool");
        Assert.True(install.ExitCode == 0, install.ToString());
        return Path.Combine(toolPath, "statelens");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments) =>
        Repository.RunAsync(Executable, workingDirectory, arguments);
}

[CollectionDefinition(Name)]
public sealed class ToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed tool";
}

/// <summary>
/// Tests of the installed tool that spend most of their time waiting (a solution that hangs until its time limit): they
/// run beside the <see cref="ToolCollection"/> instead of after it, so the wait costs no time of the run.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WaitingToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed tool, waiting";
}
