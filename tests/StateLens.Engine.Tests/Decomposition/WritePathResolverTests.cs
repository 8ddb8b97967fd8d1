using StateLens.Engine.Decomposition;
using static StateLens.Engine.Tests.Infrastructure.Models;

namespace StateLens.Engine.Tests.Decomposition;

public sealed class WritePathResolverTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("statelens-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ConfiguredPath_IsResolvedFromBaseAppsettings_AndOverridesAreNoted()
    {
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """
            {
              // comments are allowed
              "Storage": { "UploadPath": "/var/data/uploads" },
            }
            """);
        File.WriteAllText(Path.Combine(folder, "appsettings.Production.json"), """{ "Storage": { "UploadPath": "/mnt/uploads" } }""");

        var finding = WritePathResolver.Resolve(Configured("{config:Storage:UploadPath}/{fileName}", "Storage:UploadPath"), ProjectConfiguration.Load(folder));

        Assert.Equal("/var/data/uploads", finding.ResolvedPath);
        Assert.Equal("Storage:UploadPath = /var/data/uploads from appsettings.json (overridden where the environment applies: appsettings.Production.json sets /mnt/uploads)", finding.PathReason);
    }

    [Fact]
    public void MissingKey_StaysUnresolved_WithItsReason()
    {
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");

        var finding = WritePathResolver.Resolve(Configured("{config:Storage:ExportPath}/report.csv", "Storage:ExportPath"), ProjectConfiguration.Load(folder));

        Assert.Null(finding.ResolvedPath);
        Assert.Equal("configuration key Storage:ExportPath has no value in appsettings*.json", finding.PathReason);
    }

    [Fact]
    public void AppSettingsKey_IsReadFromWebConfig()
    {
        File.WriteAllText(Path.Combine(folder, "Web.config"), """
            <?xml version="1.0"?>
            <configuration>
              <appSettings>
                <add key="ExportFolder" value="D:\exports\daily" />
              </appSettings>
            </configuration>
            """);

        var finding = WritePathResolver.Resolve(Configured("{config:appSettings:ExportFolder}/out.xml", "appSettings:ExportFolder"), ProjectConfiguration.Load(folder));

        Assert.Equal("D:/exports/daily", finding.ResolvedPath);
    }

    [Fact]
    public void OptionsProperty_IsReadFromTheSectionNamedLikeTheClass()
    {
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "Storage": { "ReportFolder": "reports" } }""");

        var finding = WritePathResolver.Resolve(Configured("{config:StorageOptions.ReportFolder}/{name}.pdf", "StorageOptions.ReportFolder"), ProjectConfiguration.Load(folder));

        Assert.Equal("reports", finding.ResolvedPath);
    }

    [Fact]
    public void ConfiguredAppRootPath_IsRelativeToTheAppRoot()
    {
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "Uploads": "~/App_Data/uploads" }""");

        var finding = WritePathResolver.Resolve(Configured("{config:Uploads}/x.png", "Uploads"), ProjectConfiguration.Load(folder));

        Assert.Equal("App_Data/uploads", finding.ResolvedPath);
    }

    [Theory]
    [InlineData("~/App_Data/uploads/{fileName}", "File.WriteAllBytes(path, bytes);", "App_Data/uploads")]
    [InlineData("~/log.txt", "File.AppendAllText(path, line);", ".")]
    [InlineData("logs/app.log", "File.AppendAllText(path, line);", "logs")]
    [InlineData("{temp}/*.tmp", "var path = Path.GetTempFileName();", "/tmp")]
    [InlineData("/var/data/cache", "Directory.CreateDirectory(path);", "/var/data/cache")]
    [InlineData("C:/x.txt", "File.WriteAllText(path, text);", "C:/")]
    public void WrittenFile_BecomesItsFolder(string path, string codeLine, string expected) =>
        Assert.Equal(expected, WritePathResolver.ToDirectory(path, codeLine));

    [Fact]
    public void UnknownFolderPart_StaysUnresolved()
    {
        var finding = WritePathResolver.Resolve(Finding("SL1002", "App", "M:A.B", path: "{folder}/x.txt", pathKind: "absolute"), ProjectConfiguration.Empty);

        Assert.Null(finding.ResolvedPath);
        Assert.Equal("the part {folder} of the folder {folder} is only known at run time", finding.PathReason);
    }

    [Fact]
    public void EnvironmentVariable_StaysUnresolved()
    {
        var finding = WritePathResolver.Resolve(Configured("{config:env:DATA_DIR}/x.txt", "env:DATA_DIR"), ProjectConfiguration.Empty);

        Assert.Equal("environment variable DATA_DIR is set where the app runs, not in the project's files", finding.PathReason);
    }

    private static StateLens.Engine.Model.Finding Configured(string path, string key) =>
        Finding("SL1002", "App", "M:A.B", path: path, pathKind: "configured") with { ConfigKey = key, CodeLine = "File.WriteAllText(path, text);" };
}
