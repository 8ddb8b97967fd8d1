using StateLens.Engine.Decomposition;
using StateLens.Rules;

namespace StateLens.Reporting.Tests.Infrastructure;

/// <summary>Models for the report tests: a small monolith with every category, every load status, entry points and notices.</summary>
internal static class TestModels
{
    public const string Script = "</script><script>alert(1)</script>";
    public const string Image = "<img src=x onerror=alert(1)>";

    /// <summary>A web app, a worker, two libraries, one failed and one partial project, findings of every category.</summary>
    public static AnalysisModel Monolith(string rootDirectory = "/nonexistent/statelens-test-root")
    {
        var findings = new List<Finding>
        {
            Finding("SL1001", "Shop.Web", "src/Shop.Web/Controllers/ExportController.cs", 42, 13, 42, 33,
                "'File.WriteAllText' writes to 'App_Data/export.csv' inside the application folder, which is read-only or lost when the container is replaced",
                "File.WriteAllText(Server.MapPath(\"~/App_Data/export.csv\"), csv);", "System.IO.File.WriteAllText") with
            {
                Target = new WriteTarget { Kind = PathKind.AppRoot, Directory = "App_Data", MountPath = "/app/App_Data" }, Member = "Shop.Web.Controllers.ExportController.Export",
            },
            Finding("SL1002", "Shop.Worker", "src/Shop.Worker/ReportJob.cs", 18, 9, 18, 40,
                "'File.Copy' writes to 'ReportFolder' on the local disk; mount a volume there or move the data to shared storage",
                "File.Copy(source, Path.Combine(folder, name));", "System.IO.File.Copy") with
            {
                Target = new WriteTarget { Kind = PathKind.Configured, Reason = "the folder comes from configuration", ConfigKey = "ReportFolder" }, ConfigKey = "ReportFolder",
            },
            Finding("SL2001", "Shop.Web", "src/Shop.Web/Cart.aspx.cs", 12, 24, 12, 39,
                "'Session' uses ASP.NET session state, which is lost on restart and split across replicas unless it is moved to a shared store",
                "var cart = (Cart)Session[\"cart\"];", "System.Web.UI.Page.Session"),
            Finding("SL2001", "Shop.Web", "src/Shop.Web/Cart.aspx.cs", 30, 13, 30, 29,
                "'Session' uses ASP.NET session state, which is lost on restart and split across replicas unless it is moved to a shared store",
                "Session[\"cart\"] = cart;", "System.Web.UI.Page.Session", severity: Severity.Error),
            Finding("SL3002", "Shop.Web", "src/Shop.Web/Global.asax.cs", 21, 13, 21, 28,
                "'HttpRuntime.Cache' uses the System.Web cache, which is local to each replica; use a distributed cache where replicas must agree",
                "HttpRuntime.Cache.Insert(\"prices\", prices);", "System.Web.HttpRuntime.Cache"),
            Finding("SL4001", "Shop.Core", "src/Shop.Core/Counters.cs", 9, 13, 9, 21,
                "'Counters.visits' is written after initialization",
                "visits++;", "Shop.Core.Counters.visits", severity: Severity.Warning),
            Finding("SL4003", "Shop.Core", "src/Shop.Core/PriceList.cs", 5, 5, 5, 60,
                "'PriceList.Instance' is a hand-rolled singleton with mutable state",
                "public static readonly PriceList Instance = new PriceList();", "Shop.Core.PriceList.Instance", severity: Severity.Info),
            Finding("SL5001", "Shop.Web", "src/Shop.Web/Web.config", 14, 5, 14, 45,
                "'sessionState mode=\"InProc\"' keeps sessions on one server",
                "<sessionState mode=\"InProc\" timeout=\"20\" />", "sessionState", severity: Severity.Warning) with { ConfigKey = "system.web/sessionState/@mode" },
            Finding("SL6001", "Shop.Worker", "src/Shop.Worker/Licensing.cs", 7, 23, 7, 60,
                "'Registry.LocalMachine' reads the Windows registry",
                "var key = Registry.LocalMachine.OpenSubKey(\"Software\\\\Shop\");", "Microsoft.Win32.Registry.LocalMachine"),
        };

        var projects = new List<ProjectSummary>
        {
            Project("Shop.Web", "src/Shop.Web/Shop.Web.csproj", ProjectKind.Web, "net48", sdkStyle: false, references: ["Shop.Core", "Shop.Data"], findings: findings) with
            {
                Binding = new BindingCoverage { Names = 4000, Unbound = 28, TopUnbound = [new UnboundNamespace { Namespace = "Elmah", Names = 28 }] },
            },
            Project("Shop.Worker", "src/Shop.Worker/Shop.Worker.csproj", ProjectKind.Worker, "net10.0", sdkStyle: true, references: ["Shop.Core"], findings: findings),
            Project("Shop.Core", "src/Shop.Core/Shop.Core.csproj", ProjectKind.Library, "netstandard2.0", sdkStyle: true, references: [], findings: findings),
            Project("Shop.Data", "src/Shop.Data/Shop.Data.csproj", ProjectKind.Library, "net48", sdkStyle: false, references: ["Shop.Core"], findings: findings) with
            {
                LoadStatus = LoadStatus.Partial,
                LoadMessage = "2 references could not be resolved; findings near them have low confidence",
                MissingReferences = ["EntityFramework", "Dapper"],
                Binding = new BindingCoverage
                {
                    Names = 1000,
                    Unbound = 380,
                    TopUnbound =
                    [
                        new UnboundNamespace { Namespace = "System.Data.Entity", Names = 300, ProvidedBy = "EntityFramework" },
                        new UnboundNamespace { Namespace = "Dapper", Names = 80, ProvidedBy = "Dapper" },
                    ],
                },
            },
            Project("Shop.Contracts", "src/Shop.Contracts/Shop.Contracts.csproj", ProjectKind.Library, "net10.0", sdkStyle: true, references: [], findings: findings),
            Project("Shop.Legacy", "src/Shop.Legacy/Shop.Legacy.vbproj", ProjectKind.Library, null, sdkStyle: false, references: ["Shop.Core"], findings: findings) with
            {
                Language = "Visual Basic",
                LoadStatus = LoadStatus.Failed,
                LoadMessage = "The project file could not be loaded: MSB4025",
            },
        };

        var model = new AnalysisModel
        {
            ToolVersion = "0.1.0",
            Input = "Shop.sln",
            RootDirectory = rootDirectory,
            Projects = projects,
            Findings = findings,
            Rules = Catalogue(),
            EntryPoints =
            [
                new EntryPoint
                {
                    Name = "Shop.Web.Cart.Page_Load",
                    Kind = "page",
                    Project = "Shop.Web",
                    File = "src/Shop.Web/Cart.aspx.cs",
                    Line = 10,
                    Verdict = Decomposer.StatefulExternalizable,
                    Chains =
                    [
                        new ReasonChain { Steps = ["Cart.Page_Load", "Cart.LoadCart"], RuleId = "SL2001", File = "src/Shop.Web/Cart.aspx.cs", Line = 12 },
                        new ReasonChain { Steps = ["Cart.Page_Load", "PriceList.Get", "PriceList.Refresh", "Cache.Insert"], RuleId = "SL3002", File = "src/Shop.Web/Global.asax.cs", Line = 21, Truncated = true },
                    ],
                },
                new EntryPoint
                {
                    Name = "Shop.Worker.Program.Main",
                    Kind = "main",
                    Project = "Shop.Worker",
                    File = "src/Shop.Worker/Program.cs",
                    Line = 3,
                    Verdict = Decomposer.HostBound,
                    Chains = [new ReasonChain { Steps = ["Program.Main", "Licensing.Check"], RuleId = "SL6001", File = "src/Shop.Worker/Licensing.cs", Line = 7 }],
                },
            ],
            Notices = ["web.config transform 'Web.Release.config' could not be read", "2 generated files were skipped"],
        };
        // Project verdicts and reasons come from the real decomposer; findings, entry points and chains are kept as
        // written, since there is no call graph or configuration behind this hand-made model.
        return Decomposer.Decompose(model, []) with { EntryPoints = model.EntryPoints, Findings = model.Findings };
    }

    /// <summary>The monolith with the two payloads in every string the report shows.</summary>
    public static AnalysisModel Hostile()
    {
        var model = Monolith();
        string Evil(string s) => $"{s}{Script}{Image}";
        var findings = model.Findings.Select(f => f with
        {
            File = Evil(f.File),
            Message = Evil(f.Message),
            Symbol = Evil(f.Symbol ?? string.Empty),
            Member = Evil("Member"),
            CodeLine = Evil(f.CodeLine ?? string.Empty),
            Project = Evil(f.Project),
            Category = f.RuleId == "SL6001" ? Evil(f.Category) : f.Category,
            RuleId = f.RuleId == "SL4001" ? Evil(f.RuleId) : f.RuleId,
            Remedy = f.Remedy,
            Target = new WriteTarget { Kind = PathKind.Configured, Directory = Evil("dir"), MountPath = Evil("/mnt"), Reason = Evil("reason"), ConfigKey = Evil("key") },
            ConfigKey = Evil("key"),
        }).ToList();
        var projects = model.Projects.Select(p => p with
        {
            Name = Evil(p.Name),
            Path = Evil(p.Path),
            Language = Evil(p.Language),
            TargetFramework = Evil("net48"),
            LoadMessage = Evil("message"),
            MissingReferences = [Evil("Missing.Ref")],
            Binding = p.Binding is null ? null : p.Binding with
            {
                TopUnbound = [new UnboundNamespace { Namespace = Evil("Ns"), Names = 3, ProvidedBy = Evil("Pkg") }],
            },
            ProjectReferences = p.ProjectReferences.Select(Evil).ToList(),
            Reasons = p.Reasons.Select(r => r with
            {
                Title = r.Title is null ? null : Evil(r.Title),
                LoadMessage = Evil("message"),
                ReachedThrough = r.ReachedThrough.Select(Evil).ToList(),
                Folders = r.Folders.Select(Evil).ToList(),
                Findings = r.Findings.Select(f => f with { File = Evil(f.File), Title = f.Title is null ? null : Evil(f.Title) }).ToList(),
            }).ToList(),
            Counts = p.Counts.ToDictionary(kv => kv.Key == "other-blocker" ? Evil(kv.Key) : kv.Key, kv => kv.Value),
        }).ToList();
        return model with
        {
            Input = Evil("Shop.sln"),
            ToolVersion = Evil("0.1.0"),
            Findings = findings,
            Projects = projects,
            Notices = model.Notices.Select(Evil).ToList(),
            Rules = model.Rules.Select(r => r with
            {
                Title = Evil(r.Title),
                Description = Evil(r.Description),
                Category = Evil(r.Category),
                HelpUri = r.Id == "SL2001" ? "javascript:alert(1)" : r.HelpUri + "\"><script>alert(1)</script>",
                DefaultSeverity = Evil(r.DefaultSeverity),
            }).ToList(),
            EntryPoints = model.EntryPoints.Select(e => e with
            {
                Name = Evil(e.Name),
                Kind = Evil(e.Kind),
                Project = Evil(e.Project),
                File = Evil(e.File),
                Chains = e.Chains.Select(c => c with { Steps = c.Steps.Select(Evil).ToList(), RuleId = Evil(c.RuleId), File = Evil(c.File) }).ToList(),
            }).ToList(),
        };
    }

    public static AnalysisModel Empty() => new()
    {
        ToolVersion = "0.1.0",
        Input = "Empty.sln",
        RootDirectory = "/nonexistent",
        Projects = [],
        Findings = [],
        Rules = Catalogue(),
    };

    private static Finding Finding(string ruleId, string project, string file, int line, int column, int endLine, int endColumn, string message, string codeLine, string symbol, Severity? severity = null)
    {
        var rule = Catalogue().FirstOrDefault(r => r.Id == ruleId);
        return new Finding
        {
            RuleId = ruleId,
            Category = rule?.Category ?? CategoryOf(ruleId),
            Severity = severity ?? (rule?.DefaultSeverity == "info" ? Severity.Info : Severity.Warning),
            File = file,
            Line = line,
            Column = column,
            EndLine = endLine,
            EndColumn = endColumn,
            Message = message,
            Symbol = symbol,
            Project = project,
            Confidence = project == "Shop.Data" ? Confidence.Low : Confidence.High,
            CodeLine = codeLine,
        };
    }

    private static ProjectSummary Project(string name, string path, ProjectKind kind, string? tfm, bool sdkStyle, IReadOnlyList<string> references, IReadOnlyList<Finding> findings) => new()
    {
        Name = name,
        Path = path,
        Language = "C#",
        TargetFramework = tfm,
        Kind = kind,
        SdkStyle = sdkStyle,
        LoadStatus = LoadStatus.Loaded,
        ProjectReferences = references,
        Counts = StateCategories.All.ToDictionary(c => c, c => findings.Count(f => f.Project == name && f.Category == c)),
    };

    private static string CategoryOf(string ruleId) => ruleId[..3] switch
    {
        "SL1" => StateCategories.FileWrite,
        "SL2" => StateCategories.SessionState,
        "SL3" => StateCategories.AppStateCache,
        "SL4" => ruleId is "SL4003" or "SL4004" ? StateCategories.Singleton : StateCategories.StaticMutableState,
        "SL5" => StateCategories.ConfigState,
        _ => StateCategories.OtherBlocker,
    };

    /// <summary>Every descriptor of the catalogue (the analyzers that report them arrive rule by rule).</summary>
    public static IReadOnlyList<RuleInfo> Catalogue() =>
        typeof(Descriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<Microsoft.CodeAnalysis.DiagnosticDescriptor>()
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new RuleInfo
            {
                Id = d.Id,
                Title = d.Title.ToString(),
                Category = d.Category,
                DefaultSeverity = d.DefaultSeverity.ToString().ToLowerInvariant(),
                Description = d.Description.ToString(),
                HelpUri = d.HelpLinkUri,
                Remedy = RuleCatalogue.Get(d.Id).Remedy,
                PinsToHost = RuleCatalogue.Get(d.Id).PinsToHost,
            })
            .ToList();
}
