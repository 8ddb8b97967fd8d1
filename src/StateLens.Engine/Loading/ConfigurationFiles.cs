using Microsoft.CodeAnalysis.Text;
namespace StateLens.Engine.Loading;

/// <summary>
/// The configuration files that reach the analyzers as AdditionalFiles: the same set the NuGet package's
/// build/StateLens.Analyzers.targets adds (*.config and appsettings*.json in the project folder; below it, up to three
/// folders deep, the *.config files that can hold a section of their own, such as Config/log4net.config or
/// Config/connectionStrings.config, log4net.xml / NLog.xml, and NHibernate's hibernate.cfg.xml). The rules keep a file only when its name or root
/// element says what it holds.
/// </summary>
public static class ConfigurationFiles
{
    /// <summary>The text of a configuration file handed to the analyzers, or null when it cannot be read (it is then left out, as Roslyn would).</summary>
    internal static SourceText? TryRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SourceText.From(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

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
            .Where(f => IsSubfolderConfigurationFile(f) && !Path.GetRelativePath(projectFolder, f).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains));
        return Directory.EnumerateFiles(projectFolder)
            .Where(f => IsConfigurationFile(f) || IsLoggingConfigurationFile(f))
            .Concat(subfolderLogConfigs)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// A section file below the project folder: any *.config but the web.config of a view folder (Views/Web.config),
    /// app.config and packages.config, which belong to other applications or to NuGet.
    /// </summary>
    private static bool IsSubfolderConfigurationFile(string path)
    {
        var name = Path.GetFileName(path);
        return IsLoggingConfigurationFile(path) || IsNHibernateConfigurationFile(path)
            || (name.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("web.config", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("app.config", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("packages.config", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>log4net*.config / nlog*.config and the .xml forms that XmlConfigurator.Configure(new FileInfo(...)) loads.</summary>
    public static bool IsLoggingConfigurationFile(string path)
    {
        var name = Path.GetFileName(path);
        return (name.Contains("log4net", StringComparison.OrdinalIgnoreCase) || name.StartsWith("nlog", StringComparison.OrdinalIgnoreCase))
            && (name.EndsWith(".config", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>hibernate.cfg.xml (or Name.cfg.xml), which NHibernate's Configuration.Configure() reads.</summary>
    public static bool IsNHibernateConfigurationFile(string path) =>
        Path.GetFileName(path).EndsWith(".cfg.xml", StringComparison.OrdinalIgnoreCase);

    public static bool IsConfigurationFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".config", StringComparison.OrdinalIgnoreCase) || IsNHibernateConfigurationFile(path)
            || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }
}
