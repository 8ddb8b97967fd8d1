using System.Text.Json.Serialization;
using StateLens.Rules;

namespace StateLens.Engine.Model;

/// <summary>Everything one run found: the single model that the JSON, SARIF, HTML and scaffold writers read.</summary>
public sealed record AnalysisModel
{
    public required string ToolVersion { get; init; }

    /// <summary>The analysed solution or project, relative to <see cref="RootDirectory"/> (forward slashes).</summary>
    public required string Input { get; init; }

    /// <summary>Absolute folder that every relative path in the model is relative to; never serialized.</summary>
    [JsonIgnore]
    public required string RootDirectory { get; init; }

    /// <summary>UTC time of the run, only when the user asked for timestamps (outputs are deterministic otherwise).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public required IReadOnlyList<ProjectSummary> Projects { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public IReadOnlyList<EntryPoint> EntryPoints { get; init; } = [];

    /// <summary>Types that hold a finding or contain an entry point, with their verdict.</summary>
    public IReadOnlyList<TypeVerdict> Types { get; init; } = [];

    public required IReadOnlyList<RuleInfo> Rules { get; init; }

    /// <summary>Stateful resources outside the process that the solution names (databases, shares, queues), sorted by kind and name.</summary>
    public IReadOnlyList<Resource> Resources { get; init; } = [];

    /// <summary>
    /// When the solution was analysed as part of an estate: its path relative to the estate root (forward slashes),
    /// the application's identity in `statelens merge`. Null for a single-solution run.
    /// </summary>
    public string? EstatePath { get; init; }

    /// <summary>Problems that limited the analysis (load failures, unreadable files), shown in every report.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];
}

/// <summary>One diagnostic of a StateLens rule, located relative to the solution folder.</summary>
public sealed record Finding
{
    public required string RuleId { get; init; }

    /// <summary>file-write, session-state, app-state-cache, static-mutable-state, singleton, config-state or other-blocker.</summary>
    public required string Category { get; init; }

    /// <summary>error, warning or info (after .editorconfig).</summary>
    public required Severity Severity { get; init; }

    /// <summary>Relative to the solution folder, forward slashes.</summary>
    public required string File { get; init; }

    /// <summary>1-based.</summary>
    public required int Line { get; init; }

    /// <summary>1-based.</summary>
    public required int Column { get; init; }

    public required int EndLine { get; init; }

    public required int EndColumn { get; init; }

    public required string Message { get; init; }

    /// <summary>The state's symbol (field, API member or config key).</summary>
    public string? Symbol { get; init; }

    /// <summary>The member that contains the finding ("Namespace.Type.Method"), when it is in code.</summary>
    public string? Member { get; init; }

    /// <summary>
    /// Documentation ID of the symbol the finding sits on (the declared field, or else the enclosing member):
    /// where reason chains end. Internal to the engine, not serialized.
    /// </summary>
    [JsonIgnore]
    public string? AnchorId { get; init; }

    public required string Project { get; init; }

    /// <summary>high, or low when the code around the finding did not fully bind (missing references).</summary>
    public required Confidence Confidence { get; init; }

    /// <summary>The source line, trimmed, for the report.</summary>
    public string? CodeLine { get; init; }

    /// <summary>The reported span inside <see cref="CodeLine"/> (0-based, end exclusive), when it lies on that line.</summary>
    public TextSpanInLine? CodeSpan { get; init; }

    /// <summary>For file writes: where the write goes, decided once by the engine; every writer reads this.</summary>
    public WriteTarget? Target { get; init; }

    /// <summary>The configuration key the state is named by ("Storage:UploadPath", "appSettings:ExportFolder").</summary>
    public string? ConfigKey { get; init; }

    /// <summary>The path text the analyzer reported, before the engine resolved it. Internal to the engine, not serialized.</summary>
    [JsonIgnore]
    public RawWritePath? RawPath { get; init; }

    private readonly Remedy? remedy;

    /// <summary>volume, redis-session, distributed-cache, data-protection-keys, external-service or refactor; the rule's default from the catalogue.</summary>
    public Remedy Remedy
    {
        get => remedy ?? RuleCatalogue.Get(RuleId).Remedy;
        init => remedy = value;
    }
}

/// <summary>A span of a trimmed code line, 0-based, end exclusive.</summary>
public sealed record TextSpanInLine(int Start, int End);

/// <summary>What the analyzer said about a written path: its kind, its text in engine notation, why it stayed open.</summary>
public sealed record RawWritePath(PathKind Kind, string? Text, string? Reason);

/// <summary>
/// Where a file write lands, decided once in the engine (docs/json-format.md, "Write targets"). The report, SARIF and
/// the scaffolds all read <see cref="Directory"/> and <see cref="MountPath"/>; none of them re-reads configuration.
/// </summary>
public sealed record WriteTarget
{
    public required PathKind Kind { get; init; }

    /// <summary>
    /// The written folder, forward slashes: relative to the application folder ("App_Data/exports", "." for the
    /// folder itself), or absolute ("/data/prod", "C:/Data", "/tmp" for the temp folder). Null when it cannot be determined.
    /// </summary>
    public string? Directory { get; init; }

    /// <summary>Where that folder is in a Linux container whose application folder is /app; null when no volume fits (see <see cref="Undecided"/>) or for the temp folder.</summary>
    public string? MountPath { get; init; }

    /// <summary>The configuration key the folder comes from, for configured paths.</summary>
    public string? ConfigKey { get; init; }

    /// <summary>The value of <see cref="ConfigKey"/> in each settings file that sets it, the base file first.</summary>
    public IReadOnlyList<EnvironmentValue> Values { get; init; } = [];

    /// <summary>The environment whose value the folder is taken from: "Production" when appsettings.Production.json sets it, "Release" for a Web.Release.config transform, else "base".</summary>
    public string? Environment { get; init; }

    /// <summary>Why the folder or the mount could not be decided, or where its value came from.</summary>
    public string? Reason { get; init; }

    /// <summary>The folder is the temp folder: a tmpfs at /tmp in the container, no volume.</summary>
    public bool Temporary { get; init; }

    /// <summary>True when no place in the container could be decided: the team must choose (a Windows drive, the application folder itself, a run-time value).</summary>
    [JsonIgnore]
    public bool Undecided => !Temporary && MountPath is null;
}

/// <summary>A configuration value as one settings file sets it.</summary>
public sealed record EnvironmentValue(string Environment, string File, string Value);

/// <summary>One project of the solution and how far it could be analysed.</summary>
public sealed record ProjectSummary
{
    public required string Name { get; init; }

    /// <summary>Project file relative to the solution folder.</summary>
    public required string Path { get; init; }

    /// <summary>C#, Visual Basic, F# or the extension for unknown kinds.</summary>
    public required string Language { get; init; }

    /// <summary>net10.0, net48, netstandard2.0, ... as declared.</summary>
    public string? TargetFramework { get; init; }

    /// <summary>web, worker, windows-service, console or library.</summary>
    public required ProjectKind Kind { get; init; }

    /// <summary>What kind of web or service application it is: aspnetcore, asmx, mvc, owin, signalr, test, wcf, webapi, webforms, website.</summary>
    public IReadOnlyList<string> Frameworks { get; init; } = [];

    /// <summary>The <see cref="Frameworks"/> entry of a test project.</summary>
    public const string TestFramework = "test";

    /// <summary>A test project: analysed for coverage, but its code is not deployed, so it has no findings, resources or effort.</summary>
    [JsonIgnore]
    public bool IsTest => Frameworks.Contains(TestFramework, StringComparer.Ordinal);

    /// <summary>True for SDK-style projects, false for legacy (non-SDK) project files.</summary>
    public required bool SdkStyle { get; init; }

    /// <summary>loaded, partial (missing references), failed or skipped.</summary>
    public required LoadStatus LoadStatus { get; init; }

    public string? LoadMessage { get; init; }

    public IReadOnlyList<string> MissingReferences { get; init; } = [];

    /// <summary>How much of the project's code bound; null when it was not compiled.</summary>
    public BindingCoverage? Binding { get; init; }

    public int MissingReferenceCount => MissingReferences.Count;

    /// <summary>Names of the projects this one references.</summary>
    public IReadOnlyList<string> ProjectReferences { get; init; } = [];

    /// <summary>Findings per category, every category present (zero when none).</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>stateless, stateful-externalizable or host-bound; null when the project was not analysed.</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>Why the verdict: the VM-or-container split first, then coverage, then one reason per rule (words in <see cref="Reason.Text"/>).</summary>
    public IReadOnlyList<Reason> Reasons { get; init; } = [];

    /// <summary>The assembly the project builds (AssemblyName, else the project file name): what a container runs.</summary>
    public string? AssemblyName { get; init; }

    /// <summary>True when the project needs the ASP.NET Core runtime (Web SDK or a FrameworkReference to it).</summary>
    public bool UsesAspNetCore { get; init; }

    /// <summary>
    /// Configuration keys in the project's settings files that hold secrets ("ConnectionStrings:OrdersDb"): names only,
    /// never values. The scaffolds ask for them at run time.
    /// </summary>
    public IReadOnlyList<string> SecretNames { get; init; } = [];

    /// <summary>Build files on the way from the solution folder to the project (Directory.Build.props, NuGet.config), relative, sorted.</summary>
    public IReadOnlyList<string> BuildFiles { get; init; } = [];
}

/// <summary>A way into the application (controller action, page, handler, hosted service, Main...).</summary>
public sealed record EntryPoint
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required string Project { get; init; }

    public required string File { get; init; }

    public required int Line { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>Why the verdict, naming the remedies or the blockers.</summary>
    public Reason? Reason { get; init; }

    public IReadOnlyList<ReasonChain> Chains { get; init; } = [];
}

/// <summary>The verdict of one type that holds a finding or contains an entry point.</summary>
public sealed record TypeVerdict
{
    /// <summary>Full name, namespace included.</summary>
    public required string Name { get; init; }

    public required string Project { get; init; }

    public required Verdict Verdict { get; init; }

    public required Reason Reason { get; init; }
}

/// <summary>How an entry point reaches a finding: the members on the way, ending at the finding.</summary>
public sealed record ReasonChain
{
    public required IReadOnlyList<string> Steps { get; init; }

    public required string RuleId { get; init; }

    public required string File { get; init; }

    public required int Line { get; init; }

    /// <summary>True when the path was longer than the depth bound: its middle steps are left out ("…").</summary>
    public bool Truncated { get; init; }
}

/// <summary>A rule of the catalogue as the reports show it.</summary>
public sealed record RuleInfo
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required string DefaultSeverity { get; init; }

    public required string Description { get; init; }

    public required string HelpUri { get; init; }

    public required Remedy Remedy { get; init; }

    /// <summary>True when the rule's findings keep a project on a VM.</summary>
    public bool PinsToHost { get; init; }
}
