using StateLens.Engine.Loading;

namespace StateLens.Engine.Tests.Loading;

public sealed class ConfigurationFilesTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("statelens-config-files-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void ProjectFolderConfigs_AndSectionAndLoggingFilesInSubfolders_AreHandedToTheAnalyzers()
    {
        Write("Web.config", "Web.Release.config", "packages.config", "appsettings.Development.json", "Global.asax",
            "Config/log4net.config", "Config/Menu.config", "App_Data/NLog.config", "App_Data/logs/archive/2019/nlog.config",
            "Config/log4net.xml", "Config/connectionStrings.config", "Config/packages.config", "Config/readme.txt", "Views/Web.config",
            "bin/log4net.config", "obj/Release/NLog.config", "packages/log4net.2.0.8/log4net.xml",
            "hibernate.cfg.xml", "Config/Orders.cfg.xml", "bin/hibernate.cfg.xml", "Config/mappings.hbm.xml");

        var found = ConfigurationFiles.In(root).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();

        Assert.Equal(
            ["App_Data/NLog.config", "Config/Menu.config", "Config/Orders.cfg.xml", "Config/connectionStrings.config", "Config/log4net.config", "Config/log4net.xml",
                "Web.Release.config", "Web.config", "appsettings.Development.json", "hibernate.cfg.xml", "packages.config"],
            found);
    }

    private void Write(params string[] paths)
    {
        foreach (var path in paths)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "<configuration />");
        }
    }
}
