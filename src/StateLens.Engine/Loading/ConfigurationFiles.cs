namespace StateLens.Engine.Loading;

/// <summary>
/// The configuration files that reach the analyzers as AdditionalFiles: the same set the NuGet package's
/// build/StateLens.Analyzers.targets adds (*.config and appsettings*.json in the project folder, and log4net / NLog
/// files anywhere below it: Config/log4net.config, App_Data/NLog.config, log4net.xml).
/// </summary>
public static class ConfigurationFiles
{
    /// <summary>Build output, restored packages and tool folders: never the application's own logging configuration.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "packages", "node_modules", ".git", ".vs",
    };

    public static IReadOnlyList<string> In(string projectFolder)
    {
        if (!Directory.Exists(projectFolder))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var subfolderLogConfigs = Directory.EnumerateDirectories(projectFolder, "*", options)
            .Where(folder => !SkippedFolders.Contains(Path.GetFileName(folder)))
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", new EnumerationOptions
            {
                RecurseSubdirectories = true, MaxRecursionDepth = 2, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint,
            }))
            .Where(f => IsLoggingConfigurationFile(f) && !Path.GetRelativePath(projectFolder, f).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains));
        return Directory.EnumerateFiles(projectFolder)
            .Where(f => IsConfigurationFile(f) || IsLoggingConfigurationFile(f))
            .Concat(subfolderLogConfigs)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>log4net*.config / nlog*.config and the .xml forms that XmlConfigurator.Configure(new FileInfo(...)) loads.</summary>
    public static bool IsLoggingConfigurationFile(string path)
    {
        var name = Path.GetFileName(path);
        return (name.Contains("log4net", StringComparison.OrdinalIgnoreCase) || name.StartsWith("nlog", StringComparison.OrdinalIgnoreCase))
            && (name.EndsWith(".config", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsConfigurationFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }
}
