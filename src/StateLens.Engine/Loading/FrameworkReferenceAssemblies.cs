namespace StateLens.Engine.Loading;

/// <summary>
/// Makes .NET Framework projects bind on any OS: the reference-assembly package is fetched on demand into the
/// user's NuGet cache (through their NuGet configuration) and handed to MSBuild as TargetFrameworkRootPath.
/// TargetFrameworkRootPath (not FrameworkPathOverride) keeps the Facades folder, so netstandard libraries bind.
/// </summary>
public static class FrameworkReferenceAssemblies
{
    private const string PackageId = "Microsoft.NETFramework.ReferenceAssemblies.net48";
    private const string PackageVersion = "1.0.3";

    public static string NuGetPackageRoot() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string ReferenceFolder() =>
        Path.Combine(NuGetPackageRoot(), PackageId.ToLowerInvariant(), PackageVersion, "build", ".NETFramework", "v4.8");

    /// <summary>The folder that holds .NETFramework/v4.x: the value of TargetFrameworkRootPath.</summary>
    public static string RootPathOf(string referenceFolder) =>
        Path.GetFullPath(Path.Combine(referenceFolder, "..", "..")) + Path.DirectorySeparatorChar;

    /// <summary>Returns the v4.8 reference folder, downloading the package when the cache lacks it; null with a reason when it cannot be had.</summary>
    public static async Task<(string? Folder, string? Problem)> EnsureAsync(string workDirectory, string solutionDirectory, CancellationToken cancellationToken)
    {
        var folder = ReferenceFolder();
        if (File.Exists(Path.Combine(folder, "mscorlib.dll")))
        {
            return (folder, null);
        }

        var project = Path.Combine(workDirectory, "framework-refs");
        Directory.CreateDirectory(project);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(project, "framework-refs.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework></PropertyGroup>
                  <ItemGroup><PackageDownload Include="{PackageId}" Version="[{PackageVersion}]" /></ItemGroup>
                </Project>
                """, cancellationToken);
            var arguments = new List<string> { "restore", "framework-refs.csproj" };
            if (NearestNuGetConfig(solutionDirectory) is { } config)
            {
                arguments.AddRange(["--configfile", config]);
            }

            var (exitCode, output) = await DotnetCli.RunAsync(project, arguments, cancellationToken);
            if (exitCode != 0 || !File.Exists(Path.Combine(folder, "mscorlib.dll")))
            {
                var reason = output.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))?.Trim() ?? "restore failed";
                return (null, $"could not download {PackageId} {PackageVersion} ({reason})");
            }

            return (folder, null);
        }
        finally
        {
            try
            {
                Directory.Delete(project, recursive: true);
            }
            catch (IOException)
            {
                // A leftover scratch folder under the output folder is harmless.
            }
        }
    }

    private static string? NearestNuGetConfig(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var match = current.EnumerateFiles().FirstOrDefault(f => f.Name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match.FullName;
            }
        }

        return null;
    }
}
