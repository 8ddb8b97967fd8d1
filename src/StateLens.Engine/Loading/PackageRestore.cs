using System.Diagnostics;

namespace StateLens.Engine.Loading;

/// <summary>
/// Runs `dotnet restore` for the projects that use PackageReference and were never restored (SDK-style projects, and
/// old-style ones that moved to PackageReference), within one time budget, against the sources that answered.
/// </summary>
internal static class PackageRestore
{
    public static async Task RunAsync(
        string input,
        string root,
        IReadOnlyList<ProjectFileInfo> projects,
        RestoreSettings settings,
        System.Collections.Concurrent.ConcurrentBag<string> notices,
        IProgress<AnalysisProgress>? progress,
        CancellationToken cancellationToken)
    {
        var unrestored = projects
            .Where(p => p.IsSupportedLanguage && p.ReadError is null && (p.SdkStyle || p.PackageReferences.Count > 0))
            .Where(p => !File.Exists(AssetsFile(p)))
            .ToList();
        if (unrestored.Count == 0)
        {
            return;
        }

        var budget = Stopwatch.StartNew();
        TimeSpan Remaining() => settings.Timeout - budget.Elapsed is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

        // A repository that treats warnings as errors fails restore on NU1603 (a near version was taken) when a feed lacks
        // the exact one; for analysis the near version is what we want, so warnings stay warnings.
        var common = new List<string> { "--ignore-failed-sources", "-p:TreatWarningsAsErrors=false", "-p:WarningsAsErrors=" };
        foreach (var source in settings.Sources ?? [])
        {
            common.AddRange(["--source", source]);
        }

        common.AddRange(settings.Properties.Select(p => $"-p:{p.Key}={p.Value}"));
        progress?.Report(new AnalysisProgress("restore", $"dotnet restore of {unrestored.Count} project(s), at most {Seconds(settings.Timeout)}", 0, unrestored.Count));

        var target = Path.GetExtension(input).ToLowerInvariant() is ".csproj" or ".vbproj" || unrestored.Count == 1 ? unrestored[0].FullPath : input;
        var (exitCode, output) = await DotnetCli.RunAsync(root, ["restore", target, .. common], cancellationToken, Remaining());
        if (exitCode == 0 && unrestored.All(p => File.Exists(AssetsFile(p))))
        {
            return;
        }

        if (exitCode == DotnetCli.TimedOut)
        {
            notices.Add($"restore was stopped after {Seconds(settings.Timeout)} (--restore-timeout); projects that were not restored bind against the SDK's reference packs and the packages found in the NuGet cache.");
            return;
        }

        // One broken project fails a solution restore for all; restore the others one by one so they still bind.
        var failed = new List<string>();
        var remaining = unrestored.Where(p => !File.Exists(AssetsFile(p))).ToList();
        for (var i = 0; i < remaining.Count; i++)
        {
            var project = remaining[i];
            if (Remaining() == TimeSpan.Zero)
            {
                failed.AddRange(remaining.Skip(i).Select(p => p.Name));
                notices.Add($"restore was stopped after {Seconds(settings.Timeout)} (--restore-timeout) before {string.Join(", ", remaining.Skip(i).Select(p => p.Name))}.");
                break;
            }

            progress?.Report(new AnalysisProgress("restore", $"dotnet restore of {project.Name}", i, remaining.Count));
            var (projectExit, projectOutput) = await DotnetCli.RunAsync(root, ["restore", project.FullPath, .. common], cancellationToken, Remaining());
            if (projectExit != 0 || !File.Exists(AssetsFile(project)))
            {
                failed.Add(project.Name);
                output = projectOutput;
            }
        }

        if (failed.Count > 0)
        {
            var firstError = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(": error", StringComparison.Ordinal)) ?? "dotnet restore failed";
            notices.Add($"restore failed for {string.Join(", ", failed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))} ({Paths.Relativize(root, firstError)}); they bind against the SDK's reference packs and the packages found in the NuGet cache.");
        }
    }

    public static string AssetsFile(ProjectFileInfo project) =>
        Path.Combine(Path.GetDirectoryName(project.FullPath)!, "obj", "project.assets.json");

    private static string Seconds(TimeSpan span) => $"{(int)span.TotalSeconds} s";
}

/// <summary>How restore may run: the time budget, the sources to use (null: the user's configuration) and global properties.</summary>
internal sealed record RestoreSettings(TimeSpan Timeout, IReadOnlyList<string>? Sources, IReadOnlyDictionary<string, string> Properties);
