using StateLens.Engine.Analysis;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Model;

namespace StateLens.Engine.Tests.Infrastructure;

/// <summary>Hand-built findings, projects and graphs for the decomposer.</summary>
internal static class Models
{
    public static Finding Finding(string ruleId, string project, string anchorId, string file = "src/Code.cs", int line = 1, string? path = null, string? pathKind = null) => new()
    {
        RuleId = ruleId,
        Category = ruleId switch
        {
            "SL6001" => "other-blocker",
            "SL1002" => "file-write",
            _ => "static-mutable-state",
        },
        Severity = Severity.Warning,
        File = file,
        Line = line,
        Column = 1,
        EndLine = line,
        EndColumn = 2,
        Message = ruleId,
        Project = project,
        AnchorId = anchorId,
        Confidence = Confidence.High,
        RawPath = path is null && pathKind is null ? null : new RawWritePath(ModelNames.TryParse<PathKind>(pathKind, out var kind) ? kind : PathKind.Unknown, path, null),
    };

    public static ProjectSummary Project(string name, string path) => new()
    {
        Name = name,
        Path = path,
        Language = "C#",
        Kind = ProjectKind.Web,
        SdkStyle = true,
        LoadStatus = LoadStatus.Loaded,
        Counts = new Dictionary<string, int>(),
    };

    public static AnalysisModel Solution(IReadOnlyList<ProjectSummary> projects, IReadOnlyList<Finding> findings, string root = "/nowhere") => new()
    {
        ToolVersion = "0.0.0",
        Input = "App.sln",
        RootDirectory = root,
        Projects = projects,
        Findings = findings,
        Rules = [],
    };

    public static ProjectGraph Graph(string project, params (string From, string To)[] edges)
    {
        var graph = new ProjectGraph { Project = project };
        foreach (var (from, to) in edges)
        {
            graph.AddEdge(from, to);
        }

        return graph;
    }

    public static void Entry(this ProjectGraph graph, string id, string name, string kind = "controller-action") =>
        graph.EntryPoints.Add(new EntryPointNode(id, name, kind, "src/Entry.cs", 1));
}
