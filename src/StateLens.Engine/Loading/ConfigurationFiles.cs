namespace StateLens.Engine.Loading;

/// <summary>
/// The configuration files that reach the analyzers as AdditionalFiles: the same set the NuGet package's
/// build/StateLens.Analyzers.targets adds (*.config and appsettings*.json in the project folder).
/// </summary>
public static class ConfigurationFiles
{
    public static IReadOnlyList<string> In(string projectFolder)
    {
        if (!Directory.Exists(projectFolder))
        {
            return [];
        }

        return Directory.EnumerateFiles(projectFolder)
            .Where(IsConfigurationFile)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static bool IsConfigurationFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }
}
