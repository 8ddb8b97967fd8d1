namespace StateLens.Engine.Model;

/// <summary>Everything one run found: the single model that the JSON, SARIF, HTML and scaffold writers read.</summary>
public sealed record AnalysisModel
{
    public required string ToolVersion { get; init; }

    /// <summary>The analysed solution or project, relative to <see cref="RootDirectory"/> (forward slashes).</summary>
    public required string Input { get; init; }

    /// <summary>Absolute folder that every relative path in the model is relative to; never serialized.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public required string RootDirectory { get; init; }

    /// <summary>UTC time of the run, only when the user asked for timestamps (outputs are deterministic otherwise).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public required IReadOnlyList<ProjectSummary> Projects { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public IReadOnlyList<EntryPoint> EntryPoints { get; init; } = [];

    /// <summary>Types that hold a finding or contain an entry point, with their verdict.</summary>
    public IReadOnlyList<TypeVerdict> Types { get; init; } = [];

    public required IReadOnlyList<RuleInfo> Rules { get; init; }

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
    public required string Severity { get; init; }

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
    [System.Text.Json.Serialization.JsonIgnore]
    public string? AnchorId { get; init; }

    public required string Project { get; init; }

    /// <summary>high, or low when the code around the finding did not fully bind (missing references).</summary>
    public required string Confidence { get; init; }

    /// <summary>The source line, trimmed, for the report.</summary>
    public string? CodeLine { get; init; }

    /// <summary>For file writes: app-root, temp, absolute, configured, relative or unknown.</summary>
    public string? PathKind { get; init; }

    /// <summary>For file writes: the directory the write goes to, when it could be resolved.</summary>
    public string? ResolvedPath { get; init; }

    /// <summary>For file writes that stayed unresolved: why; for configured ones: where the value came from and what overrides it.</summary>
    public string? PathReason { get; init; }

    public string? ConfigKey { get; init; }

    /// <summary>volume, redis-session, distributed-cache, data-protection-keys, external-service or refactor.</summary>
    public string? Remedy { get; init; }
}

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
    public required string Kind { get; init; }

    /// <summary>What kind of web or service application it is: aspnetcore, asmx, mvc, owin, signalr, test, wcf, webapi, webforms, website.</summary>
    public IReadOnlyList<string> Frameworks { get; init; } = [];

    /// <summary>True for SDK-style projects, false for legacy (non-SDK) project files.</summary>
    public required bool SdkStyle { get; init; }

    /// <summary>loaded, partial (missing references), failed or skipped.</summary>
    public required string LoadStatus { get; init; }

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
    public string? Verdict { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];
}

/// <summary>A way into the application (controller action, page, handler, hosted service, Main...).</summary>
public sealed record EntryPoint
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required string Project { get; init; }

    public required string File { get; init; }

    public required int Line { get; init; }

    public required string Verdict { get; init; }

    /// <summary>One line: why the verdict, naming the remedy or the blocker.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<ReasonChain> Chains { get; init; } = [];
}

/// <summary>The verdict of one type that holds a finding or contains an entry point.</summary>
public sealed record TypeVerdict
{
    /// <summary>Full name, namespace included.</summary>
    public required string Name { get; init; }

    public required string Project { get; init; }

    public required string Verdict { get; init; }

    public required string Reason { get; init; }
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

    public required string Remedy { get; init; }
}
