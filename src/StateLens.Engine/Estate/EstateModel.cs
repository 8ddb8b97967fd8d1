using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Estate;

/// <summary>Where a project goes, read off its verdict: the planning word for stateless, externalizable and host-bound.</summary>
public enum Destination
{
    /// <summary>Stateless: into containers as it is.</summary>
    Container,

    /// <summary>Stateful, externalizable: into containers once its state has moved to a volume or an external store.</summary>
    ContainerAfterStateMoves,

    /// <summary>Host-bound: stays on a VM.</summary>
    Vm,
}

/// <summary>
/// Many solutions' analyses merged (docs/estate.md): per application its projects and where they go, an effort
/// estimate, the resources two or more applications share, and the solutions whose analysis did not finish.
/// Every list is sorted, so merging the same inputs in any order gives the same model.
/// </summary>
public sealed record EstateModel
{
    /// <summary>The StateLens version that merged.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The weights the effort estimates were computed with (the defaults, or those of --effort).</summary>
    public required EffortWeights EffortWeights { get; init; }

    public required EstateTotals Totals { get; init; }

    /// <summary>Every input solution, analysed or failed, by <see cref="EstateApplication.Solution"/> (ordinal).</summary>
    public required IReadOnlyList<EstateApplication> Applications { get; init; }

    /// <summary>Resources named by two or more applications, by kind, then name.</summary>
    public required IReadOnlyList<SharedResource> SharedResources { get; init; }
}

/// <summary>The counts the estate report shows first.</summary>
public sealed record EstateTotals
{
    public required int Applications { get; init; }

    /// <summary>Applications whose analysis did not finish.</summary>
    public required int ApplicationsFailed { get; init; }

    public required int Projects { get; init; }

    /// <summary>Analysed projects per destination, every destination present.</summary>
    public required IReadOnlyDictionary<Destination, int> ProjectsByDestination { get; init; }

    /// <summary>Projects that failed to load or were skipped (no verdict, no destination).</summary>
    public required int ProjectsNotAnalysed { get; init; }

    /// <summary>Projects whose destination rests on code that bound below the coverage threshold.</summary>
    public required int ProjectsNotProven { get; init; }

    public required int Findings { get; init; }

    /// <summary>Person-days over every analysed project.</summary>
    public required decimal Effort { get; init; }

    public required int SharedResources { get; init; }
}

/// <summary>One solution of the estate.</summary>
public sealed record EstateApplication
{
    /// <summary>The solution's path relative to the estate root (forward slashes): the application's identity.</summary>
    public required string Solution { get; init; }

    /// <summary>The solution's own HTML report relative to the estate output folder, when there is one.</summary>
    public string? Report { get; init; }

    /// <summary>Why the analysis did not finish; null for an analysed application.</summary>
    public string? Failure { get; init; }

    /// <summary>The StateLens version that analysed it; null for a failed application.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>The worst verdict of its analysed projects (host-bound over externalizable over stateless); null when none was analysed.</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>The destination of that verdict: the application moves as far as its most bound project.</summary>
    public Destination? Destination { get; init; }

    /// <summary>False when a project's destination is not proven (its code bound below the coverage threshold).</summary>
    public required bool Proven { get; init; }

    /// <summary>Analysed projects per destination, every destination present.</summary>
    public required IReadOnlyDictionary<Destination, int> ProjectsByDestination { get; init; }

    public required int ProjectsNotAnalysed { get; init; }

    public required int Findings { get; init; }

    /// <summary>Findings per category, every category present.</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>Person-days over its analysed projects.</summary>
    public required decimal Effort { get; init; }

    /// <summary>The analysis's notices (load problems, unreadable files).</summary>
    public required int Notices { get; init; }

    /// <summary>By project path, then name (ordinal).</summary>
    public required IReadOnlyList<EstateProject> Projects { get; init; }

    /// <summary>Every resource the application names, by kind and name, with whether another application names it too.</summary>
    public required IReadOnlyList<ResourceReference> Resources { get; init; }
}

/// <summary>One project and where it goes.</summary>
public sealed record EstateProject
{
    public required string Name { get; init; }

    /// <summary>The project file relative to the solution folder.</summary>
    public required string Path { get; init; }

    public required ProjectKind Kind { get; init; }

    public required LoadStatus LoadStatus { get; init; }

    /// <summary>Null when the project was not analysed (failed to load, skipped).</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>Null when the project was not analysed.</summary>
    public Destination? Destination { get; init; }

    /// <summary>False when its code bound below the coverage threshold, so state in the rest may be missing.</summary>
    public required bool Proven { get; init; }

    /// <summary>Share of its names that bound, when it was compiled.</summary>
    public double? Bound { get; init; }

    /// <summary>Why it was not analysed, or why its destination is not proven.</summary>
    public string? Note { get; init; }

    public required int Findings { get; init; }

    /// <summary>Findings per category, every category present.</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>Null when the project was not analysed.</summary>
    public EffortEstimate? Effort { get; init; }

    /// <summary>Resources this project names that another application names too, by kind and name.</summary>
    public required IReadOnlyList<ResourceReference> SharedResources { get; init; }
}

/// <summary>A resource by its identity.</summary>
public sealed record ResourceReference(ResourceKind Kind, string Name)
{
    /// <summary>True when another application names it too.</summary>
    public bool Shared { get; init; }
}

/// <summary>A stateful resource named by two or more applications: a coupling no single-solution report can show.</summary>
public sealed record SharedResource
{
    public required ResourceKind Kind { get; init; }

    public required string Name { get; init; }

    /// <summary>The applications that name it, by solution, each with the places it is named.</summary>
    public required IReadOnlyList<SharedResourceUser> Applications { get; init; }
}

/// <summary>One application naming a shared resource, and where.</summary>
public sealed record SharedResourceUser
{
    public required string Solution { get; init; }

    /// <summary>Sorted by project, file, line, key.</summary>
    public required IReadOnlyList<ResourceUse> Uses { get; init; }
}

/// <summary>
/// A project's effort in person-days (docs/estate.md, "Effort"): the base for its kind, then either the rehost on a
/// VM (destination vm) or, per remedy its findings need, a one-off cost plus a cost per finding.
/// </summary>
public sealed record EffortEstimate
{
    public required decimal Total { get; init; }

    /// <summary>The base for the project's kind.</summary>
    public required decimal Base { get; init; }

    /// <summary>The rehost on a VM; zero unless the destination is vm.</summary>
    public required decimal Vm { get; init; }

    /// <summary>Per remedy in catalogue order; empty for destination vm, whose state stays on its host.</summary>
    public required IReadOnlyList<RemedyEffort> Remedies { get; init; }

    /// <summary>Nothing to do: a test project, which is not deployed.</summary>
    public static EffortEstimate None { get; } = new() { Total = 0m, Base = 0m, Vm = 0m, Remedies = [] };
}

/// <summary>The cost of one remedy in one project.</summary>
public sealed record RemedyEffort(Remedy Remedy, int Findings, decimal Days);
