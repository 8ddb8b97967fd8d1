using Microsoft.CodeAnalysis;
using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

/// <summary>The pathKind/path/configKey/pathReason properties the CLI model reads from SL1001-SL1004 findings.</summary>
public sealed class SL1001FileWritePathPropertiesTests
{
    [Fact]
    public async Task MapPathCombinedWithParameter_IsAppRootWithResolvedPath()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            using System.Web;
            public static class ExportHelper
            {
                public static void SaveExport(string fileName, string csv) =>
                    File.WriteAllText(Path.Combine(HttpContext.Current.Server.MapPath("~/App_Data/exports"), fileName), csv);
            }
            """, Framework.NetFramework);

        Assert.Equal("SL1001", diagnostic.Id);
        Assert.Equal("app-root", diagnostic.Properties["pathKind"]);
        Assert.Equal("~/App_Data/exports/{fileName}", diagnostic.Properties["path"]);
        Assert.Equal("System.IO.File.WriteAllText", diagnostic.Properties["symbol"]);
        Assert.StartsWith("'File.WriteAllText' writes to '~/App_Data/exports/{fileName}'", diagnostic.GetMessage());
    }

    [Fact]
    public async Task ConfigurationSection_IsConfiguredWithKey()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            using Microsoft.Extensions.Configuration;
            public sealed class UploadStore(IConfiguration configuration)
            {
                private readonly string _root = configuration.GetSection("Storage")["UploadPath"];

                public void Save(string name, byte[] data) => File.WriteAllBytes(Path.Combine(_root, "incoming", name), data);
            }
            """);

        Assert.Equal("SL1002", diagnostic.Id);
        Assert.Equal("configured", diagnostic.Properties["pathKind"]);
        Assert.Equal("Storage:UploadPath", diagnostic.Properties["configKey"]);
        Assert.Equal("{config:Storage:UploadPath}/incoming/{name}", diagnostic.Properties["path"]);
    }

    [Fact]
    public async Task AppSettingsKey_IsConfiguredWithAppSettingsPrefix()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.Configuration;
            using System.IO;
            public static class Exporter
            {
                public static void Export(string csv) =>
                    File.WriteAllText(ConfigurationManager.AppSettings["ExportFolder"] + "\\orders.csv", csv);
            }
            """, Framework.NetFramework);

        Assert.Equal("configured", diagnostic.Properties["pathKind"]);
        Assert.Equal("appSettings:ExportFolder", diagnostic.Properties["configKey"]);
        Assert.Equal("{config:appSettings:ExportFolder}/orders.csv", diagnostic.Properties["path"]);
    }

    [Fact]
    public async Task OptionsProperty_IsConfiguredAsTypeDotProperty()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            using Microsoft.Extensions.Options;
            public sealed class ArchiveOptions { public string Folder { get; set; } = "archive"; }
            public sealed class Archiver(IOptions<ArchiveOptions> options)
            {
                public void Archive(string name) => File.Move(name, Path.Combine(options.Value.Folder, name));
            }
            """);

        Assert.Equal("configured", diagnostic.Properties["pathKind"]);
        Assert.Equal("ArchiveOptions.Folder", diagnostic.Properties["configKey"]);
    }

    [Fact]
    public async Task AbsoluteConstant_IsAbsoluteWithForwardSlashes()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            public static class Dump
            {
                private const string Root = @"D:\Data\Dumps";
                public static void Write(string text) => File.WriteAllText(Root + @"\last.txt", text);
            }
            """);

        Assert.Equal("SL1002", diagnostic.Id);
        Assert.Equal("absolute", diagnostic.Properties["pathKind"]);
        Assert.Equal("D:/Data/Dumps/last.txt", diagnostic.Properties["path"]);
        Assert.False(diagnostic.Properties.ContainsKey("pathReason"));
    }

    [Fact]
    public async Task RelativeConstant_IsRelativeUnderTheAppFolder()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            public static class Journal
            {
                public static void Add(string line) => File.AppendAllText("logs/journal.txt", line);
            }
            """);

        Assert.Equal("SL1001", diagnostic.Id);
        Assert.Equal("relative", diagnostic.Properties["pathKind"]);
        Assert.Equal("logs/journal.txt", diagnostic.Properties["path"]);
    }

    [Fact]
    public async Task Parameter_IsUnknownWithReason()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            public static class FileUtil
            {
                public static void Save(string target, byte[] data) => File.WriteAllBytes(target, data);
            }
            """);

        Assert.Equal("SL1002", diagnostic.Id);
        Assert.Equal("unknown", diagnostic.Properties["pathKind"]);
        Assert.Equal("parameter 'target' of FileUtil.Save", diagnostic.Properties["pathReason"]);
        Assert.False(diagnostic.Properties.ContainsKey("path"));
        Assert.Contains("'an unresolved path'", diagnostic.GetMessage());
    }

    [Fact]
    public async Task WebRootUpload_HasPathOnBothFindings()
    {
        const string code = """
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            public sealed class Uploads(IWebHostEnvironment env)
            {
                public async Task SaveAsync(IFormFile file)
                {
                    using var fs = new FileStream(Path.Combine(env.WebRootPath, "uploads", file.FileName), FileMode.Create);
                    await file.CopyToAsync(fs);
                }
            }
            """;
        var write = await Single<LocalFileWriteAnalyzer>(code);
        var upload = await Single<UploadSavedLocallyAnalyzer>(code);

        Assert.Equal("~/wwwroot/uploads/{FileName}", write.Properties["path"]);
        Assert.Equal("SL1003", upload.Id);
        Assert.Equal("app-root", upload.Properties["pathKind"]);
        Assert.Equal("~/wwwroot/uploads/{FileName}", upload.Properties["path"]);
        Assert.Equal("Microsoft.AspNetCore.Http.IFormFile.CopyToAsync", upload.Properties["symbol"]);
    }

    [Fact]
    public async Task TempFileName_IsTemp()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            public static class Scratch
            {
                public static string New() => System.IO.Path.GetTempFileName();
            }
            """);

        Assert.Equal("SL1004", diagnostic.Id);
        Assert.Equal("temp", diagnostic.Properties["pathKind"]);
        Assert.Equal("System.IO.Path.GetTempFileName", diagnostic.Properties["symbol"]);
    }

    [Fact]
    public async Task InterfaceProperty_FollowsItsOneImplementation_SetFromTheContentRootInTheConstructor()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            using Microsoft.Extensions.Hosting;
            public interface IBlogSettings { string ContentFolder { get; } }
            public sealed class BlogSettings : IBlogSettings
            {
                public BlogSettings(IHostEnvironment env) => ContentFolder = Path.Combine(env.ContentRootPath, "content", "themes");
                public string ContentFolder { get; }
            }
            public sealed class ThemeManager(IBlogSettings settings)
            {
                public void Save(string theme, string css) => File.WriteAllText(Path.Combine(settings.ContentFolder, theme, "site.css"), css);
            }
            """);

        Assert.Equal("SL1001", diagnostic.Id);
        Assert.Equal("app-root", diagnostic.Properties["pathKind"]);
        Assert.Equal("~/content/themes/{theme}/site.css", diagnostic.Properties["path"]);
    }

    [Fact]
    public async Task InterfaceProperty_WithDisagreeingImplementations_StaysUnknown()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System;
            using System.IO;
            public interface IStore { string Folder { get; } }
            public sealed class AppStore : IStore { public string Folder => Path.Combine(AppContext.BaseDirectory, "data"); }
            public sealed class TempStore : IStore { public string Folder => Path.GetTempPath(); }
            public sealed class Writer(IStore store)
            {
                public void Save(string text) => File.WriteAllText(Path.Combine(store.Folder, "x.txt"), text);
            }
            """);

        Assert.Equal("unknown", diagnostic.Properties["pathKind"]);
        Assert.Contains("different folders", diagnostic.Properties["pathReason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConstructorParameterInField_FollowsTheRegistrationThatCreatesIt()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            public sealed class AuditLog
            {
                private readonly string _folder;
                public AuditLog(string folder) { _folder = folder; }
                public void Write(string line) => File.AppendAllText(Path.Combine(_folder, "audit.log"), line);
            }
            public static class Startup
            {
                public static void Register(IServiceCollection services, IWebHostEnvironment env) =>
                    services.AddSingleton(sp => new AuditLog(Path.Combine(env.ContentRootPath, "App_Data", "audit")));
            }
            """);

        Assert.Equal("SL1001", diagnostic.Id);
        Assert.Equal("app-root", diagnostic.Properties["pathKind"]);
        Assert.Equal("~/App_Data/audit/audit.log", diagnostic.Properties["path"]);
    }

    [Fact]
    public async Task ConstructorParameter_WithoutCallerInTheCompilation_StaysUnknown()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            public sealed class AuditLog(string folder)
            {
                public void Write(string line) => File.AppendAllText(Path.Combine(folder, "audit.log"), line);
            }
            """);

        Assert.Equal("SL1002", diagnostic.Id);
        Assert.Equal("unknown", diagnostic.Properties["pathKind"]);
        Assert.Equal("parameter 'folder' of the AuditLog constructor", diagnostic.Properties["pathReason"]);
    }

    [Fact]
    public async Task ConstructorParameter_CallersPassingDifferentlyRootedFolders_StaysUnknown()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            public sealed class Spool(string folder)
            {
                public void Write(string line) => File.AppendAllText(Path.Combine(folder, "spool.txt"), line);
            }
            public static class Spools
            {
                public static readonly Spool Local = new Spool("App_Data/spool");
                public static readonly Spool Scratch = new Spool(Path.GetTempPath());
            }
            """);

        Assert.Equal("SL1002", diagnostic.Id);
        Assert.Equal("unknown", diagnostic.Properties["pathKind"]);
        Assert.Contains("differently rooted", diagnostic.Properties["pathReason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConstructorParameter_PassedOnFromAPublicFactory_SaysWhereTheChainStops()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            public sealed class BlogStore
            {
                private readonly string _content;
                internal BlogStore(string content) => _content = content;
                public void Save(string id, string xml) => File.WriteAllText(Path.Combine(_content, id + ".xml"), xml);
            }
            public static class BlogStoreFactory
            {
                public static BlogStore Create(string contentLocation) => new BlogStore(contentLocation);
            }
            """);

        Assert.Equal("unknown", diagnostic.Properties["pathKind"]);
        Assert.Equal("parameter 'contentLocation' of BlogStoreFactory.Create", diagnostic.Properties["pathReason"]);
    }

    [Fact]
    public async Task BaseConstructorParameter_FollowsTheDerivedClassInitializer()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            public abstract class FileQueue
            {
                private readonly string _root;
                protected FileQueue(string root) { _root = root; }
                public void Enqueue(string name, string body) => File.WriteAllText(Path.Combine(_root, name), body);
            }
            public sealed class MailQueue : FileQueue
            {
                public MailQueue() : base(@"D:\queues\mail") { }
            }
            """);

        Assert.Equal("SL1002", diagnostic.Id);
        Assert.Equal("absolute", diagnostic.Properties["pathKind"]);
        Assert.Equal("D:/queues/mail/{name}", diagnostic.Properties["path"]);
    }

    [Fact]
    public async Task PrivateMethodParameter_CallersAgreeOnTheFolder_KeepsTheCommonPart()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            public sealed class Backfill
            {
                public void Run(string[] ids)
                {
                    Commit("App_Data/backfill/done.txt", ids);
                    Commit("App_Data/backfill/failed.txt", ids);
                }

                private static void Commit(string completedPath, string[] ids) => File.WriteAllLines(completedPath, ids);
            }
            """);

        Assert.Equal("SL1001", diagnostic.Id);
        Assert.Equal("relative", diagnostic.Properties["pathKind"]);
        Assert.Equal("App_Data/backfill/*", diagnostic.Properties["path"]);
    }

    [Fact]
    public async Task PrivateMethodParameter_UsedAsMethodGroup_StaysUnknown()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System;
            using System.IO;
            public sealed class Cleaner
            {
                public Action<string> Deleter => Delete;
                public void Run() => Delete("App_Data/old.txt");
                private static void Delete(string path) => File.Delete(path);
            }
            """);

        Assert.Equal("unknown", diagnostic.Properties["pathKind"]);
        Assert.Equal("parameter 'path' of Cleaner.Delete", diagnostic.Properties["pathReason"]);
    }

    [Fact]
    public async Task OptionsSetInAConfigureLambda_IsThatValue()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            public sealed class ArchiveOptions { public string Folder { get; set; } }
            public sealed class Archiver(IOptions<ArchiveOptions> options)
            {
                public void Archive(string name) => File.Move(name, Path.Combine(options.Value.Folder, name));
            }
            public static class Startup
            {
                public static void Register(IServiceCollection services, IWebHostEnvironment env) =>
                    services.Configure<ArchiveOptions>(o => o.Folder = Path.Combine(env.ContentRootPath, "archive"));
            }
            """);

        Assert.Equal("SL1001", diagnostic.Id);
        Assert.Equal("app-root", diagnostic.Properties["pathKind"]);
        Assert.Equal("~/archive/{name}", diagnostic.Properties["path"]);
    }

    [Fact]
    public async Task OptionsValueKeptInAField_FollowsTheConfigureLambdaOfAnyOptionsClass()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System.IO;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            public sealed class ConfigFilePathsOption { public string SiteConfigFilePath { get; set; } }
            public sealed class SiteConfigService
            {
                private readonly ConfigFilePathsOption options;
                public SiteConfigService(IOptions<ConfigFilePathsOption> accessor) { options = accessor.Value; }
                public void Save(string xml) { using var writer = new StreamWriter(options.SiteConfigFilePath); writer.Write(xml); }
            }
            public static class Startup
            {
                public static void Register(IServiceCollection services) =>
                    services.AddOptions<ConfigFilePathsOption>().Configure(o => { o.SiteConfigFilePath = @"Config\site.config"; });
            }
            """);

        Assert.Equal("SL1001", diagnostic.Id);
        Assert.Equal("relative", diagnostic.Properties["pathKind"]);
        Assert.Equal("Config/site.config", diagnostic.Properties["path"]);
    }

    [Fact]
    public async Task OptionsAssignedOutsideAConfigureCallback_StaysConfigured()
    {
        var diagnostic = await Single<LocalFileWriteAnalyzer>("""
            using System;
            using System.IO;
            using Microsoft.Extensions.Options;
            public sealed class ArchiveOptions { public string Folder { get; set; } }
            public sealed class Archiver(IOptions<ArchiveOptions> options)
            {
                public void Archive(string name) => File.Move(name, Path.Combine(options.Value.Folder, name));
            }
            public static class Defaults
            {
                public static void Apply(Action<Action<ArchiveOptions>> register) => register(o => o.Folder = @"C:\archive");
            }
            """);

        Assert.Equal("SL1002", diagnostic.Id);
        Assert.Equal("configured", diagnostic.Properties["pathKind"]);
        Assert.Equal("ArchiveOptions.Folder", diagnostic.Properties["configKey"]);
    }

    [Fact]
    public async Task TempFileFromTwoConstructors_OnlyOneFromGetTempFileName_IsStillReportedAtTheDelete()
    {
        var diagnostics = await Verify.DiagnosticsAsync<LocalFileWriteAnalyzer>("""
            using System;
            using System.IO;
            public sealed class ScratchFile : IDisposable
            {
                public ScratchFile() { FullName = Path.GetTempFileName(); }
                private ScratchFile(string fullName) { FullName = fullName; }
                public static ScratchFile InFolder(string folder) => new ScratchFile(Path.Combine(Path.GetTempPath(), folder, Guid.NewGuid() + ".tmp"));
                public string FullName { get; }
                public void Dispose() => File.Delete(FullName);
            }
            """, Framework.NetCore);

        Assert.Equal(2, diagnostics.Length);
        var delete = Assert.Single(diagnostics, d => d.Properties["symbol"] == "System.IO.File.Delete");
        Assert.Equal("SL1004", delete.Id);
        Assert.Equal("temp", delete.Properties["pathKind"]);
    }

    private static async Task<Diagnostic> Single<TAnalyzer>(string code, Framework framework = Framework.NetCore)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var diagnostics = await Verify.DiagnosticsAsync<TAnalyzer>(code, framework);
        return Assert.Single(diagnostics);
    }
}
