using Microsoft.Build.Locator;

namespace StateLens.Engine.Loading;

/// <summary>Finds the user's .NET SDK and registers its MSBuild; must run before any MSBuild or MSBuildWorkspace type is touched.</summary>
public static class MsBuildRegistration
{
    private static readonly Lock Gate = new();

    public static void EnsureRegistered(string solutionDirectory)
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return;
            }

            MakeDotnetReachable();
            List<VisualStudioInstance> instances;
            try
            {
                instances = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
                {
                    DiscoveryTypes = DiscoveryType.DotNetSdk,
                    WorkingDirectory = solutionDirectory,
                }).ToList();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                throw new UserInputException($"cannot find a .NET SDK for '{solutionDirectory}' ({FirstLine(e.Message)}); install the .NET SDK or fix global.json.");
            }

            if (instances.Count == 0)
            {
                var globalJson = FindGlobalJson(solutionDirectory);
                throw new UserInputException(globalJson is null
                    ? "no .NET SDK was found; install the .NET SDK (8.0 or later) and make sure 'dotnet' is on PATH."
                    : $"'{globalJson}' pins a .NET SDK that is not installed; install that SDK or relax its 'sdk' section (rollForward).");
            }

            MSBuildLocator.RegisterInstance(instances.OrderByDescending(i => i.Version).First());
        }
    }

    public static string? FindGlobalJson(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, "global.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A global tool started from ~/.dotnet/tools may run without dotnet on PATH; the locator and BuildHost need it.</summary>
    private static void MakeDotnetReachable()
    {
        var dotnetRoot = DotnetRoot();
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        if (!path.Split(Path.PathSeparator).Any(p => File.Exists(Path.Combine(p, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))))
        {
            Environment.SetEnvironmentVariable("PATH", dotnetRoot + Path.PathSeparator + path);
        }

        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")))
        {
            Environment.SetEnvironmentVariable("DOTNET_ROOT", dotnetRoot);
        }
    }

    public static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
