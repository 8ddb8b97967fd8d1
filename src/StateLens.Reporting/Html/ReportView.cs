using System.Globalization;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Reporting.Html;

/// <summary>
/// What the HTML templates see: the model regrouped for reading, with chart geometry and the dependency layout
/// computed here. Text from the analysed code stays raw; the templates escape it with <c>html.escape</c>.
/// Identifiers the templates put into attributes unescaped (anchors, CSS classes) are made here from indexes and fixed words.
/// </summary>
internal sealed class ReportView
{
    public required string ToolVersion { get; init; }
    public required string Input { get; init; }
    public string? Timestamp { get; init; }
    public required SummaryView Summary { get; init; }
    public required ChartsView Charts { get; init; }
    public required CoverageView Coverage { get; init; }
    public required GraphLayout Graph { get; init; }
    public required IReadOnlyList<ProjectView> Projects { get; init; }
    public required IReadOnlyList<FindingRow> Findings { get; init; }
    public required FiltersView Filters { get; init; }
    public required IReadOnlyList<RuleView> Rules { get; init; }
    public required bool HasEntryPoints { get; init; }
    public required int EntryPointCount { get; init; }
    public required string DataJson { get; init; }

    public static readonly string[] VerdictKeys = ReportSummary.Verdicts;

    public static string VerdictSlug(Verdict? verdict) => VerdictSlug(ModelNames.Of(verdict));

    public static string VerdictLabel(Verdict? verdict) => VerdictLabel(ModelNames.Of(verdict));

    public static string VerdictSlug(string? verdict) => verdict switch
    {
        "stateless" => "stateless",
        "stateful-externalizable" => "externalizable",
        "host-bound" => "host-bound",
        _ => "not-analysed",
    };

    public static string VerdictLabel(string? verdict) => verdict switch
    {
        "stateless" => "stateless",
        "stateful-externalizable" => "stateful, externalizable",
        "host-bound" => "host-bound",
        null => "not analysed",
        _ => verdict,
    };

    public static string CategoryShort(string category) => category switch
    {
        StateCategories.FileWrite => "files",
        StateCategories.SessionState => "session",
        StateCategories.AppStateCache => "cache",
        StateCategories.StaticMutableState => "static",
        StateCategories.Singleton => "singleton",
        StateCategories.ConfigState => "config",
        StateCategories.OtherBlocker => "host",
        _ => category,
    };

    /// <summary>Known categories in catalogue order, unknown ones after them by name.</summary>
    public static IEnumerable<string> CategoryOrder(IEnumerable<string> categories) =>
        categories.Distinct(StringComparer.Ordinal)
            .OrderBy(c => Array.IndexOf(StateCategories.All, c) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(c => c, StringComparer.Ordinal);

    /// <summary>A CSS class for a value from the model: known words pass, anything else becomes "other".</summary>
    public static string Slug(string? value, IEnumerable<string> known) =>
        value is not null && known.Contains(value, StringComparer.Ordinal) ? value : "other";

    public static string SeverityLabel(string severity) => severity switch
    {
        "error" => "Error",
        "warning" => "Warning",
        "info" => "Info",
        _ => severity,
    };

    public static int SeverityRank(string severity) => severity switch
    {
        "error" => 0,
        "warning" => 1,
        "info" => 2,
        _ => 3,
    };

    public static string? SafeHttpUri(string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    /// <summary>"verdict not proven: only 62% bound" for a project that bound too little to trust its verdict; null otherwise.</summary>
    public static string? CoverageFlag(ProjectSummary project) =>
        project.Verdict is not null && project.Binding is { BelowThreshold: true } binding ? ReasonText.NotProven(binding) : null;

    internal static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

internal sealed record CountView(string Key, string Label, string Slug, int Count);

internal sealed record SummaryView(
    int Findings,
    int Projects,
    int ProjectsAnalysed,
    int ProjectsNotAnalysed,
    int ProjectsPartial,
    int Files,
    IReadOnlyList<CountView> Categories,
    IReadOnlyList<CountView> Severities,
    IReadOnlyList<CountView> Verdicts,
    int NotProven,
    IReadOnlyList<VerdictGroup> VerdictGroups,
    IReadOnlyList<CategoryMatrixRow> CategoryMatrix,
    string Headline);

/// <summary>A project named in the summary; <see cref="Flag"/> says when its verdict is not proven.</summary>
internal sealed record ProjectLink(string Name, string Anchor, string? Flag);

/// <summary>How much of a project bound: "62% bound", the counts, and the namespaces that did not bind with where they come from.</summary>
internal sealed record BindingView(string Bound, bool NotProven, int Names, int Unbound, IReadOnlyList<UnboundNamespaceView> TopUnbound);

internal sealed record UnboundNamespaceView(string Namespace, int Names, string? ProvidedBy);

internal sealed record VerdictGroup(string Key, string Label, string Slug, IReadOnlyList<ProjectLink> Projects);

internal sealed record CategoryMatrixRow(string Category, string Slug, IReadOnlyList<int> BySeverity, int Total);

internal sealed record BarSegment(string Label, string Slug, int Count, double X, double Width, string Title);

internal sealed record CategoryBar(string Category, string Label, int Count, double Y, IReadOnlyList<BarSegment> Segments, double LabelX);

internal sealed record ChartsView(
    double VerdictWidth,
    IReadOnlyList<BarSegment> VerdictSegments,
    double CategoryWidth,
    double CategoryHeight,
    double CategoryBarX,
    IReadOnlyList<CategoryBar> CategoryBars,
    IReadOnlyList<CountView> SeverityLegend);

internal sealed record IncompleteProject(string Name, string Path, string LoadStatus, string? LoadMessage, IReadOnlyList<string> MissingReferences, string Anchor, string? Bound, bool NotProven);

internal sealed record CoverageView(IReadOnlyList<IncompleteProject> Projects, IReadOnlyList<string> Notices, bool HasIssues);

internal sealed record ChainView(IReadOnlyList<string> Steps, string RuleId, string Location, bool Truncated, string? FindingAnchor);

internal sealed record EntryPointView(string Name, string Kind, string Location, string VerdictSlug, string VerdictLabel, IReadOnlyList<ChainView> Chains);

internal sealed record FindingView(
    string Anchor,
    string RuleId,
    string Category,
    string CategorySlug,
    string Severity,
    string SeveritySlug,
    string Location,
    string Message,
    string? Symbol,
    string? Member,
    string Confidence,
    CodeSnippet? Code,
    string Remedy,
    string RemedyExplanation,
    string? PathKind,
    string? ResolvedPath,
    string? ContainerPath,
    string? PathReason,
    string? ConfigKey,
    bool HasPathInfo);

internal sealed record RuleGroupView(
    string RuleId,
    string Title,
    string? Description,
    string? HelpUri,
    string Category,
    IReadOnlyList<FindingView> Findings);

internal sealed record ProjectView(
    string Name,
    string Anchor,
    string Path,
    string Language,
    string? TargetFramework,
    string Kind,
    bool SdkStyle,
    string LoadStatus,
    string? LoadMessage,
    IReadOnlyList<string> MissingReferences,
    IReadOnlyList<string> ProjectReferences,
    string VerdictSlug,
    string VerdictLabel,
    BindingView? Binding,
    string? CoverageFlag,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<CountView> Counts,
    int FindingCount,
    IReadOnlyList<EntryPointView> EntryPoints,
    IReadOnlyList<RuleGroupView> RuleGroups);

internal sealed record FindingRow(
    string Anchor,
    string RuleId,
    string Category,
    string CategorySlug,
    string Severity,
    string SeveritySlug,
    int SeverityRank,
    string Project,
    string File,
    int Line,
    int Column,
    string Location,
    string Message);

internal sealed record FiltersView(
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Severities,
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> Rules);

internal sealed record RuleView(string Id, string Title, string Category, string DefaultSeverity, string Description, string? HelpUri, string Remedy, string RemedyExplanation, int Count);
