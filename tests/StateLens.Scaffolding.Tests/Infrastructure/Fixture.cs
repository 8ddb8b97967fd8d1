using StateLens.Engine.Analysis;
using StateLens.Engine.Model;

namespace StateLens.Scaffolding.Tests.Infrastructure;

/// <summary>
/// A small solution on disk with one project per scaffolding case, and the model the engine would produce for it.
/// Secrets in its settings use values that must never show up in a generated file.
/// </summary>
internal sealed class Fixture : IDisposable
{
    public const string ApiKeyValue = "sk-live-8f3c1d2e";
    public const string DbPassword = "Hunter2-db-pass";
    public const string LegacyPassword = "LegacyPwd-42";

    private readonly TempFolder folder = new("sl-scaffold-fixture-");

    public Fixture()
    {
        Write("Shop.sln", string.Empty);
        Write("Directory.Build.props", "<Project />");
        Write("Api/Api.csproj", """<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        Write("Api/appsettings.json", $$"""
            {
              // comments are allowed in settings files
              "Payments": { "ApiKey": "{{ApiKeyValue}}", "Endpoint": "https://pay.example" },
              "ConnectionStrings": { "Shop": "Server=db;User Id=shop;Password={{DbPassword}};" },
            }
            """);
        Write("Orders/Orders.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><AssemblyName>Orders.Host</AssemblyName></PropertyGroup>
              <ItemGroup><ProjectReference Include="../Core/Core.csproj" /></ItemGroup>
            </Project>
            """);
        Write("Orders/appsettings.json", """
            {
              // Where attachments go.
              "Storage": { "UploadPath": "/var/lib/orders/uploads" }
            }
            """);
        Write("Worker/Worker.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        Write("Core/Core.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>netstandard2.0</TargetFramework></PropertyGroup></Project>""");
        Write("Legacy.Web/Legacy.Web.csproj", """<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003"><PropertyGroup><TargetFrameworkVersion>v4.8</TargetFrameworkVersion></PropertyGroup></Project>""");
        Write("Legacy.Web/Web.config", $"""
            <configuration>
              <connectionStrings><add name="LegacyDb" connectionString="Data Source=sql01;User ID=web;pwd={LegacyPassword}" /></connectionStrings>
              <appSettings><add key="PageSize" value="20" /></appSettings>
            </configuration>
            """);
        Write("Legacy.Service/Legacy.Service.csproj", """<Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003"><PropertyGroup><TargetFrameworkVersion>v4.8</TargetFrameworkVersion></PropertyGroup></Project>""");
    }

    public string Root => folder.Path;

    /// <summary>The model after the engine's completion step read the fixture's folders (assembly names, secrets, write targets).</summary>
    public AnalysisModel Model => ModelCompletion.Complete(RawModel);

    private AnalysisModel RawModel => new()
    {
        ToolVersion = "0.1.0",
        Input = "Shop.sln",
        RootDirectory = Root,
        Projects =
        [
            Project("Api", "Api/Api.csproj", ProjectKind.Web, "net10.0", Verdict.Stateless),
            Project("Core", "Core/Core.csproj", ProjectKind.Library, "netstandard2.0", Verdict.Stateless),
            Project("Legacy.Service", "Legacy.Service/Legacy.Service.csproj", ProjectKind.WindowsService, "net48", Verdict.HostBound, sdk: false, reasons: [new Reason { Kind = ReasonKind.RuleFindings, RuleId = "SL6001", Title = "other-blocker", FindingCount = 1, PinsToHost = true }]),
            Project("Legacy.Web", "Legacy.Web/Legacy.Web.csproj", ProjectKind.Web, "net48", Verdict.StatefulExternalizable, sdk: false),
            Project("Orders", "Orders/Orders.csproj", ProjectKind.Web, "net10.0", Verdict.StatefulExternalizable, references: ["Core"]),
            Project("Worker", "Worker/Worker.csproj", ProjectKind.Worker, "net10.0", Verdict.StatefulExternalizable),
        ],
        Findings =
        [
            Finding("SL6001", "other-blocker", "Legacy.Service", "Legacy.Service/Settings.cs", 10),
            Finding("SL2001", "session-state", "Legacy.Web", "Legacy.Web/Cart.aspx.cs", 12),
            Finding("SL1002", "file-write", "Orders", "Orders/Program.cs", 40) with { RawPath = new RawWritePath(PathKind.Configured, null, null), ConfigKey = "Storage:UploadPath" },
            Finding("SL1002", "file-write", "Orders", "Orders/Program.cs", 42) with { RawPath = new RawWritePath(PathKind.Configured, "{config:Storage:UploadPath}/{safeName}", null), ConfigKey = "Storage:UploadPath" },
            Finding("SL2004", "session-state", "Orders", "Orders/Program.cs", 8),
            Finding("SL3004", "app-state-cache", "Orders", "Orders/Cache.cs", 5),
            Finding("SL1001", "file-write", "Worker", "Worker/Report.cs", 20) with { RawPath = new RawWritePath(PathKind.AppRoot, "~/reports/{fileName}", null) },
            Finding("SL1001", "file-write", "Worker", "Worker/Report.cs", 25) with { RawPath = new RawWritePath(PathKind.Relative, "logs/worker.log", null) },
            Finding("SL1004", "file-write", "Worker", "Worker/Report.cs", 30) with { RawPath = new RawWritePath(PathKind.Temp, "{temp}/x.tmp", null) },
            Finding("SL1002", "file-write", "Worker", "Worker/Export.cs", 7) with { RawPath = new RawWritePath(PathKind.Unknown, null, "the path is the parameter 'target'") },
        ],
        Rules = [],
    };

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => folder.Dispose();

    private static ProjectSummary Project(string name, string path, ProjectKind kind, string tfm, Verdict verdict, bool sdk = true, string[]? references = null, Reason[]? reasons = null) => new()
    {
        Name = name,
        Path = path,
        Language = "C#",
        TargetFramework = tfm,
        Kind = kind,
        SdkStyle = sdk,
        LoadStatus = LoadStatus.Loaded,
        Counts = new Dictionary<string, int>(),
        Verdict = verdict,
        ProjectReferences = references ?? [],
        Reasons = reasons ?? [],
    };

    private static Finding Finding(string rule, string category, string project, string file, int line) => new()
    {
        RuleId = rule,
        Category = category,
        Severity = Severity.Warning,
        File = file,
        Line = line,
        Column = 1,
        EndLine = line,
        EndColumn = 2,
        Message = "m",
        Project = project,
        Confidence = Confidence.High,
    };
}
