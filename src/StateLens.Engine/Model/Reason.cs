using System.Text.Json.Serialization;
using StateLens.Rules;

namespace StateLens.Engine.Model;

/// <summary>What a reason explains, and so which of its fields are set.</summary>
public enum ReasonKind
{
    /// <summary>A project that was not analysed: <see cref="Reason.LoadMessage"/>.</summary>
    NotAnalysed,

    /// <summary>A project's VM-or-container split: <see cref="Reason.Verdict"/>, the findings it rests on, <see cref="Reason.EntryPoints"/>.</summary>
    ProjectVerdict,

    /// <summary>A project whose binding coverage is below the threshold: <see cref="Reason.CoverageShare"/>, <see cref="Reason.LoadMessage"/>.</summary>
    NotProven,

    /// <summary>The findings of one rule in a project: rule, count, remedy or host pinning, folders, projects reached through.</summary>
    RuleFindings,

    /// <summary>An entry point's verdict: the findings it reaches, the members searched, chain and search cuts.</summary>
    EntryPointVerdict,

    /// <summary>A type's verdict: the findings it holds or reaches, its entry points.</summary>
    TypeVerdict,
}

/// <summary>
/// Why a verdict is what it is, as facts: the decomposer fills these and says nothing in words. <see cref="Text"/>
/// (<see cref="ReasonText"/>) is the one place that words them, for every report, the console and the scaffolds.
/// </summary>
public sealed record Reason
{
    /// <summary>How many findings a reason names; the rest are counted in <see cref="UnlistedFindings"/> (keeps statelens.json small on large solutions).</summary>
    public const int MaxListedFindings = 3;

    public required ReasonKind Kind { get; init; }

    /// <summary>The reason in words, written to statelens.json for its readers; ignored when the file is read back.</summary>
    public string Text => ReasonText.Of(this);

    /// <summary>The verdict explained (project, entry point and type verdicts).</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>The rule whose findings are summed up (<see cref="ReasonKind.RuleFindings"/>).</summary>
    public string? RuleId { get; init; }

    /// <summary>That rule's title from the catalogue, or its category when the catalogue does not know it.</summary>
    public string? Title { get; init; }

    /// <summary>The findings the reason rests on: the host-bound ones for a host-bound verdict, all of them otherwise, those of the rule for <see cref="ReasonKind.RuleFindings"/>.</summary>
    public int? FindingCount { get; init; }

    /// <summary>The findings named, distinct locations ordered by rule, file and line, at most <see cref="MaxListedFindings"/>: blockers (with their title) for a host-bound verdict, remedies otherwise.</summary>
    public IReadOnlyList<FindingReference> Findings { get; init; } = [];

    /// <summary>Distinct finding locations beyond those in <see cref="Findings"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int UnlistedFindings { get; init; }

    /// <summary>Entry points of the project, or of the type.</summary>
    public int? EntryPoints { get; init; }

    /// <summary>Members the search from an entry point visited.</summary>
    public int? MembersSearched { get; init; }

    /// <summary>The rule keeps the project on its host (<see cref="ReasonKind.RuleFindings"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool PinsToHost { get; init; }

    /// <summary>The rule's remedy, when it does not pin to the host.</summary>
    public Remedy? Remedy { get; init; }

    /// <summary>The folders the rule's findings write to, sorted.</summary>
    public IReadOnlyList<string> Folders { get; init; } = [];

    /// <summary>Other projects whose code holds findings this project reaches, sorted.</summary>
    public IReadOnlyList<string> ReachedThrough { get; init; } = [];

    /// <summary>The findings sit in code that no entry point of the solution reaches.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotReached { get; init; }

    /// <summary>Share of the project's names that bound (<see cref="ReasonKind.NotProven"/>).</summary>
    public double? CoverageShare { get; init; }

    /// <summary>The project's load message (<see cref="ReasonKind.NotAnalysed"/>, <see cref="ReasonKind.NotProven"/>).</summary>
    public string? LoadMessage { get; init; }

    /// <summary>Chains kept for the entry point when there were more than the cap allows.</summary>
    public int? ChainsShown { get; init; }

    /// <summary>Chains the entry point had before the cap.</summary>
    public int? ChainsFound { get; init; }

    /// <summary>The member budget at which the search from the entry point stopped; findings further away may be missing.</summary>
    public int? SearchStoppedAfter { get; init; }
}

/// <summary>A finding a reason names: where it is, and what blocks or fixes it.</summary>
public sealed record FindingReference
{
    public required string RuleId { get; init; }

    public required string File { get; init; }

    public required int Line { get; init; }

    /// <summary>The rule's title, for findings named as blockers.</summary>
    public string? Title { get; init; }

    /// <summary>The remedy, for findings named for what fixes them.</summary>
    public Remedy? Remedy { get; init; }

    /// <summary>The folder a volume remedy mounts, when it was resolved.</summary>
    public string? Folder { get; init; }
}
