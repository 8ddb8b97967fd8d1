using StateLens.Engine.Analysis;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Model;
using static StateLens.Engine.Tests.Infrastructure.Models;

namespace StateLens.Engine.Tests.Analysis;

public sealed class WritePathResolverTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("statelens-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ConfiguredPath_TakesTheContainersEnvironment_AndKeepsEveryValue()
    {
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """
            {
              // comments are allowed
              "Storage": { "UploadPath": "/data/base" },
            }
            """);
        File.WriteAllText(Path.Combine(folder, "appsettings.Production.json"), """{ "Storage": { "UploadPath": "/data/prod" } }""");
        File.WriteAllText(Path.Combine(folder, "appsettings.Development.json"), """{ "Storage": { "UploadPath": "/data/dev" } }""");

        var target = Resolve(Configured("{config:Storage:UploadPath}/{fileName}", "Storage:UploadPath"));

        Assert.Equal(PathKind.Configured, target.Kind);
        Assert.Equal("/data/prod", target.Directory);
        Assert.Equal("/data/prod", target.MountPath);
        Assert.Equal("Production", target.Environment);
        Assert.Equal("Storage:UploadPath", target.ConfigKey);
        Assert.Equal(
            [new EnvironmentValue("base", "appsettings.json", "/data/base"), new EnvironmentValue("Development", "appsettings.Development.json", "/data/dev"), new EnvironmentValue("Production", "appsettings.Production.json", "/data/prod")],
            target.Values);
        Assert.Equal("Storage:UploadPath = /data/prod from appsettings.Production.json (the container's value; appsettings.json sets /data/base, appsettings.Development.json sets /data/dev)", target.Reason);
    }

    [Fact]
    public void ConfiguredPath_WithoutAProductionValue_TakesTheBaseValue()
    {
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "Storage": { "UploadPath": "/data/base" } }""");
        File.WriteAllText(Path.Combine(folder, "appsettings.Development.json"), """{ "Storage": { "UploadPath": "/data/dev" } }""");

        var target = Resolve(Configured("{config:Storage:UploadPath}/{fileName}", "Storage:UploadPath"));

        Assert.Equal(("/data/base", "base"), (target.Directory, target.Environment));
    }

    [Fact]
    public void AppRootPathWithDottedFolder_KeepsTheWholeFolder()
    {
        var target = Resolve(Finding("SL1001", "App", "M:A.B", path: "~/App_Data/exports.v2/report.csv", pathKind: "app-root") with { CodeLine = "File.WriteAllText(path, csv);" });

        Assert.Equal("App_Data/exports.v2", target.Directory);
        Assert.Equal("/app/App_Data/exports.v2", target.MountPath);
    }

    [Fact]
    public void MissingKey_StaysUnresolved_WithItsReason()
    {
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");

        var target = Resolve(Configured("{config:Storage:ExportPath}/report.csv", "Storage:ExportPath"));

        Assert.Null(target.Directory);
        Assert.True(target.Undecided);
        Assert.Equal("Storage:ExportPath", target.ConfigKey);
        Assert.Equal("configuration key Storage:ExportPath has no value in appsettings*.json", target.Reason);
    }

    [Fact]
    public void AppSettingsKey_IsReadFromWebConfig_AndTheReleaseTransformWins()
    {
        File.WriteAllText(Path.Combine(folder, "Web.config"), """
            <?xml version="1.0"?>
            <configuration>
              <appSettings>
                <add key="ExportFolder" value="D:\exports\daily" />
              </appSettings>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Web.Release.config"), """
            <?xml version="1.0"?>
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <appSettings>
                <add key="ExportFolder" value="/srv/exports" xdt:Transform="SetAttributes" xdt:Locator="Match(key)" />
              </appSettings>
            </configuration>
            """);

        var target = Resolve(Configured("{config:appSettings:ExportFolder}/out.xml", "appSettings:ExportFolder"));

        Assert.Equal(("/srv/exports", "Release", "/srv/exports"), (target.Directory, target.Environment, target.MountPath));
        Assert.Equal(["D:\\exports\\daily", "/srv/exports"], target.Values.Select(v => v.Value));
    }

    [Fact]
    public void WindowsDrive_IsResolvedButHasNoMount()
    {
        File.WriteAllText(Path.Combine(folder, "Web.config"), """<configuration><appSettings><add key="ExportFolder" value="D:\exports\daily" /></appSettings></configuration>""");

        var target = Resolve(Configured("{config:appSettings:ExportFolder}/out.xml", "appSettings:ExportFolder"));

        Assert.Equal("D:/exports/daily", target.Directory);
        Assert.Null(target.MountPath);
        Assert.StartsWith("'D:/exports/daily' is a Windows drive or network share", target.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsProperty_IsReadFromTheSectionNamedLikeTheClass()
    {
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "Storage": { "ReportFolder": "reports" } }""");

        var target = Resolve(Configured("{config:StorageOptions.ReportFolder}/{name}.pdf", "StorageOptions.ReportFolder"));

        Assert.Equal(("reports", "/app/reports", "Storage:ReportFolder"), (target.Directory, target.MountPath, target.ConfigKey));
    }

    [Fact]
    public void ConfiguredAppRootPath_IsRelativeToTheAppRoot()
    {
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "Uploads": "~/App_Data/uploads" }""");

        var target = Resolve(Configured("{config:Uploads}/x.png", "Uploads"));

        Assert.Equal(("App_Data/uploads", "/app/App_Data/uploads"), (target.Directory, target.MountPath));
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
    public void UnknownFirstFolderPart_StaysUnresolved()
    {
        var target = Resolve(Finding("SL1002", "App", "M:A.B", path: "{folder}/x.txt", pathKind: "absolute"));

        Assert.Null(target.Directory);
        Assert.Equal("the part {folder} of the folder {folder} is only known at run time", target.Reason);
    }

    [Fact]
    public void RunTimeSubFolder_IsCoveredByItsConstantParent()
    {
        var target = Resolve(Finding("SL1001", "App", "M:A.B", path: "~/App_Data/users/{userId}/avatar.png", pathKind: "app-root") with { CodeLine = "File.WriteAllBytes(path, bytes);" });

        Assert.Equal(("App_Data/users", "/app/App_Data/users"), (target.Directory, target.MountPath));
        Assert.StartsWith("the part {userId} of the folder App_Data/users/{userId} is only known at run time", target.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TempFile_IsATmpfsNotAVolume()
    {
        var target = Resolve(Finding("SL1004", "App", "M:A.B", pathKind: "temp") with { CodeLine = "var path = Path.GetTempFileName();" });

        Assert.True(target.Temporary);
        Assert.False(target.Undecided);
        Assert.Null(target.MountPath);
    }

    [Fact]
    public void WritesStraightIntoTheAppFolder_HaveNoMount()
    {
        var target = Resolve(Finding("SL1001", "App", "M:A.B", path: "~/log.txt", pathKind: "app-root") with { CodeLine = "File.AppendAllText(path, line);" });

        Assert.Equal(".", target.Directory);
        Assert.True(target.Undecided);
        Assert.StartsWith("files are written straight into the application folder", target.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RunTimePathUnderTheAppFolder_AsksForASubFolder()
    {
        var target = Resolve(Finding("SL1001", "App", "M:A.B", path: "~/{virtualPath}", pathKind: "app-root") with { CodeLine = "File.WriteAllText(physicalPath, content);" });

        Assert.True(target.Undecided);
        Assert.Equal("the path {virtualPath} is only known at run time and may name any folder under the application folder; choose a sub-folder for these writes and mount a volume there", target.Reason);
    }

    [Fact]
    public void EnvironmentVariable_StaysUnresolved()
    {
        var target = Resolve(Configured("{config:env:DATA_DIR}/x.txt", "env:DATA_DIR"));

        Assert.Equal("environment variable DATA_DIR is set where the app runs, not in the project's files", target.Reason);
    }

    private WriteTarget Resolve(Finding finding) =>
        WritePathResolver.Resolve(finding, ProjectConfiguration.Load(folder)).Target ?? throw new InvalidOperationException("no target");

    private static Finding Configured(string path, string key) =>
        Finding("SL1002", "App", "M:A.B", path: path, pathKind: "configured") with { ConfigKey = key, CodeLine = "File.WriteAllText(path, text);" };
}
