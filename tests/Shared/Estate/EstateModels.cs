using StateLens.Engine.Estate;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Tests.Shared.Estate;

/// <summary>Hand-built solution models for the merge: projects with verdicts, findings with remedies, resources with uses.</summary>
internal static class EstateModels
{
    public static ProjectSummary Project(string name, ProjectKind kind, Verdict? verdict, LoadStatus status = LoadStatus.Loaded, BindingCoverage? binding = null) => new()
    {
        Name = name,
        Path = $"src/{name}/{name}.csproj",
        Language = "C#",
        Kind = kind,
        SdkStyle = true,
        LoadStatus = status,
        LoadMessage = status is LoadStatus.Failed ? "the project file could not be loaded" : null,
        Verdict = verdict,
        Binding = binding,
        Counts = new Dictionary<string, int>(),
    };

    public static Finding Finding(string project, string ruleId, string category, Remedy remedy, int line = 1) => new()
    {
        RuleId = ruleId,
        Category = category,
        Severity = Severity.Warning,
        File = $"src/{project}/Code.cs",
        Line = line,
        Column = 1,
        EndLine = line,
        EndColumn = 2,
        Message = ruleId,
        Project = project,
        Confidence = Confidence.High,
        Remedy = remedy,
    };

    public static Resource Resource(ResourceKind kind, string name, params ResourceUse[] uses) => new() { Kind = kind, Name = name, Uses = uses };

    public static ResourceUse Use(string project, string file, int? line = null, string? configKey = null) => new() { Project = project, File = file, Line = line, ConfigKey = configKey };

    public static AnalysisModel Solution(string input, IReadOnlyList<ProjectSummary> projects, IReadOnlyList<Finding>? findings = null, IReadOnlyList<Resource>? resources = null) => new()
    {
        ToolVersion = "0.1.0",
        Input = input,
        EstatePath = input,
        RootDirectory = "/nowhere",
        Projects = projects,
        Findings = findings ?? [],
        Rules = [],
        Resources = resources ?? [],
    };

    /// <summary>Orders: a web shop that moves after its session moves, a host-bound worker, a failed project; names the orders database and a share.</summary>
    public static EstateInput OrdersApp() => new()
    {
        Solution = "orders/Orders.sln",
        Report = "orders/statelens-report.html",
        Model = Solution(
            "orders/Orders.sln",
            [
                Project("Orders.Web", ProjectKind.Web, Verdict.StatefulExternalizable),
                Project("Orders.Worker", ProjectKind.Worker, Verdict.HostBound),
                Project("Orders.Core", ProjectKind.Library, Verdict.Stateless),
                Project("Orders.Legacy", ProjectKind.Library, null, LoadStatus.Failed),
            ],
            [
                Finding("Orders.Web", "SL2001", StateCategories.SessionState, Remedy.RedisSession, 10),
                Finding("Orders.Web", "SL2001", StateCategories.SessionState, Remedy.RedisSession, 20),
                Finding("Orders.Web", "SL1001", StateCategories.FileWrite, Remedy.Volume, 30),
                Finding("Orders.Worker", "SL6001", StateCategories.OtherBlocker, Remedy.Refactor, 5),
            ],
            [
                Resource(ResourceKind.SqlDatabase, "db01/orders", Use("Orders.Web", "src/Orders.Web/Web.config", 12, "connectionStrings:OrdersDb"), Use("Orders.Worker", "src/Orders.Worker/App.config", 8, "connectionStrings:OrdersDb")),
                Resource(ResourceKind.FileShare, "//fileserver/exports", Use("Orders.Worker", "src/Orders.Worker/Export.cs", 40)),
                Resource(ResourceKind.Redis, "redis01:6379", Use("Orders.Web", "src/Orders.Web/Web.config", 20, "appSettings:Redis")),
            ]),
    };

    /// <summary>Reporting: one stateless web project that reads the orders database and writes to the same share.</summary>
    public static EstateInput ReportingApp() => new()
    {
        Solution = "reporting/Reporting.sln",
        Model = Solution(
            "reporting/Reporting.sln",
            [Project("Reporting.Web", ProjectKind.Web, Verdict.Stateless)],
            resources:
            [
                Resource(ResourceKind.SqlDatabase, "db01/orders", Use("Reporting.Web", "src/Reporting.Web/appsettings.json", 3, "ConnectionStrings:Orders")),
                Resource(ResourceKind.FileShare, "//fileserver/exports", Use("Reporting.Web", "src/Reporting.Web/Reports.cs", 17)),
                Resource(ResourceKind.SqlDatabase, "db02/reporting", Use("Reporting.Web", "src/Reporting.Web/appsettings.json", 4, "ConnectionStrings:Reporting")),
            ]),
    };

    public static EstateInput BillingFailure() => new() { Solution = "billing/Billing.sln", Failure = "timed out after 600 s" };
}
