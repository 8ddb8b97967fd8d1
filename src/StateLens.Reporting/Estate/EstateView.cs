using System.Globalization;
using StateLens.Engine.Estate;
using StateLens.Engine.Model;
using StateLens.Reporting.Html;
using StateLens.Rules;

namespace StateLens.Reporting.Estate;

/// <summary>
/// What the estate templates see: the estate model regrouped for reading. Text from the analysed solutions stays raw;
/// the templates escape it with <c>html.escape</c>. Anchors, CSS classes and links are made here from indexes, fixed
/// words and percent-encoded relative paths, so nothing from the inputs reaches an attribute unescaped.
/// </summary>
internal sealed record EstateView(
    string ToolVersion,
    string Headline,
    int Applications,
    int ApplicationsFailed,
    int Projects,
    int Findings,
    string Effort,
    int SharedResourceCount,
    int NotProven,
    IReadOnlyList<DestinationCount> Destinations,
    double BarWidth,
    IReadOnlyList<DestinationSegment> Segments,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ApplicationView> ApplicationList,
    IReadOnlyList<SharedResourceView> SharedResources,
    WeightsView Weights)
{
    private const double ChartWidth = 600;

    public static EstateView Build(EstateModel estate)
    {
        var totals = estate.Totals;
        var destinations = Enum.GetValues<Destination>()
            .Select(d => new DestinationCount(ModelNames.Of(d), Label(d), Slug(d), totals.ProjectsByDestination.GetValueOrDefault(d)))
            .Append(new DestinationCount("not-analysed", Label(null), Slug(null), totals.ProjectsNotAnalysed))
            .ToList();
        var categories = estate.Applications.SelectMany(a => a.Projects).SelectMany(p => p.Counts.Keys)
            .Concat(StateCategories.All)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => Array.IndexOf(StateCategories.All, c) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(c => c, StringComparer.Ordinal)
            .ToList();
        var appAnchors = estate.Applications.Select((a, i) => (a.Solution, Anchor: $"app-{i + 1}")).ToDictionary(x => x.Solution, x => x.Anchor, StringComparer.Ordinal);
        var resourceAnchors = estate.SharedResources.Select((r, i) => (Key: (r.Kind, r.Name), Anchor: $"resource-{i + 1}")).ToDictionary(x => x.Key, x => x.Anchor);

        return new EstateView(
            estate.ToolVersion,
            HeadlineOf(estate),
            totals.Applications,
            totals.ApplicationsFailed,
            totals.Projects,
            totals.Findings,
            Days(totals.Effort),
            totals.SharedResources,
            totals.ProjectsNotProven,
            destinations,
            ChartWidth,
            SegmentsOf(destinations),
            categories.Select(c => ReportView.CategoryShort(c)).ToList(),
            estate.Applications.Select(a => Application(a, appAnchors[a.Solution], categories, resourceAnchors)).ToList(),
            estate.SharedResources.Select(r => Shared(r, resourceAnchors[(r.Kind, r.Name)], appAnchors)).ToList(),
            WeightsOf(estate.EffortWeights));
    }

    public static string Label(Destination? destination) => destination switch
    {
        Destination.Container => "container as is",
        Destination.ContainerAfterStateMoves => "container after moving state",
        Destination.Vm => "stays on a VM",
        _ => "not analysed",
    };

    /// <summary>The solution report's verdict classes, so a destination wears its verdict's colour.</summary>
    public static string Slug(Destination? destination) => destination switch
    {
        Destination.Container => "stateless",
        Destination.ContainerAfterStateMoves => "externalizable",
        Destination.Vm => "host-bound",
        _ => "not-analysed",
    };

    public static string ResourceLabel(ResourceKind kind) => kind switch
    {
        ResourceKind.SqlDatabase => "SQL database",
        ResourceKind.LocalDb => "LocalDB database",
        ResourceKind.FileDatabase => "database file",
        ResourceKind.FileShare => "file share",
        ResourceKind.HostFolder => "host folder",
        ResourceKind.Redis => "Redis",
        ResourceKind.MessageQueue => "message queue",
        _ => ModelNames.Of(kind),
    };

    public static string Days(decimal days) => days.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A link to an application's own report: only a relative path, each segment percent-encoded, so no scheme
    /// (javascript:, https:) and no query or fragment can come from the input. Null for anything else.
    /// </summary>
    public static string? RelativeLink(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.StartsWith('\\') || Path.IsPathRooted(path))
        {
            return null;
        }

        return string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    private static string HeadlineOf(EstateModel estate)
    {
        var t = estate.Totals;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{t.Projects} project{Plural(t.Projects)} in {t.Applications - t.ApplicationsFailed} analysed application{Plural(t.Applications - t.ApplicationsFailed)}: "
            + $"{t.ProjectsByDestination[Destination.Container]} can go into containers as they are, {t.ProjectsByDestination[Destination.ContainerAfterStateMoves]} after moving state out, "
            + $"{t.ProjectsByDestination[Destination.Vm]} stay on a VM; {t.ProjectsNotAnalysed} not analysed. Estimated effort {Days(t.Effort)} person-days.");
        if (t.SharedResources > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" {t.SharedResources} stateful resource{Plural(t.SharedResources)} {(t.SharedResources == 1 ? "is" : "are")} shared between applications.");
        }

        if (t.ApplicationsFailed > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" {t.ApplicationsFailed} solution{Plural(t.ApplicationsFailed)} could not be analysed.");
        }

        return text;
    }

    private static List<DestinationSegment> SegmentsOf(IReadOnlyList<DestinationCount> destinations)
    {
        var total = destinations.Sum(d => d.Count);
        var segments = new List<DestinationSegment>();
        double x = 0;
        foreach (var d in destinations.Where(d => d.Count > 0))
        {
            var width = Math.Round(ChartWidth * d.Count / total, 1);
            segments.Add(new DestinationSegment(d.Slug, d.Count, Math.Round(x, 1), width, string.Create(CultureInfo.InvariantCulture, $"{d.Label}: {d.Count}")));
            x += width;
        }

        return segments;
    }

    private static ApplicationView Application(EstateApplication application, string anchor, IReadOnlyList<string> categories, IReadOnlyDictionary<(ResourceKind, string), string> resourceAnchors)
    {
        ResourceLink Link(ResourceReference r) => new($"{ResourceLabel(r.Kind)} {r.Name}", resourceAnchors.GetValueOrDefault((r.Kind, r.Name)));
        return new ApplicationView(
            application.Solution,
            anchor,
            RelativeLink(application.Report),
            application.Failure,
            ModelNames.Of(application.Destination) ?? "not-analysed",
            Slug(application.Destination),
            application.Failure is null ? Label(application.Destination) : "analysis failed",
            application.Proven,
            application.Projects.Count,
            Enum.GetValues<Destination>().Select(d => new DestinationCount(ModelNames.Of(d), Label(d), Slug(d), application.ProjectsByDestination.GetValueOrDefault(d))).ToList(),
            application.ProjectsNotAnalysed,
            application.Findings,
            Days(application.Effort),
            application.Notices,
            application.Projects.Select(p => new ProjectRow(
                p.Name,
                p.Path,
                ModelNames.Of(p.Kind),
                ModelNames.Of(p.Destination) ?? "not-analysed",
                Slug(p.Destination),
                Label(p.Destination),
                p.Destination is not null && !p.Proven,
                p.Note,
                p.Findings,
                categories.Select(c => p.Counts.GetValueOrDefault(c)).ToList(),
                p.Effort is { } e ? Days(e.Total) : null,
                p.Effort is { } detail ? EffortDetail(detail) : null,
                p.SharedResources.Select(Link).ToList())).ToList(),
            application.Resources.Where(r => r.Shared).Select(Link).ToList());
    }

    /// <summary>"base 2 + session 2.5 (2 findings) + volume 0.75 (1 finding)": the sum behind a project's estimate.</summary>
    private static string EffortDetail(EffortEstimate effort)
    {
        var parts = new List<string> { $"base {Days(effort.Base)}" };
        if (effort.Vm > 0)
        {
            parts.Add($"VM {Days(effort.Vm)}");
        }

        parts.AddRange(effort.Remedies.Select(r => string.Create(CultureInfo.InvariantCulture, $"{ModelNames.Of(r.Remedy)} {Days(r.Days)} ({r.Findings} finding{Plural(r.Findings)})")));
        return string.Join(" + ", parts);
    }

    private static SharedResourceView Shared(SharedResource resource, string anchor, IReadOnlyDictionary<string, string> appAnchors) => new(
        anchor,
        ModelNames.Of(resource.Kind),
        ResourceLabel(resource.Kind),
        resource.Name,
        resource.Applications.Select(a => new SharedUserView(
            a.Solution,
            appAnchors[a.Solution],
            a.Uses.Select(u => new UseView(u.Project, u.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{u.File}:{line}") : u.File, u.ConfigKey)).ToList())).ToList());

    private static WeightsView WeightsOf(EffortWeights weights) => new(
        weights.Base.OrderBy(b => b.Key).Select(b => new BaseWeight(ModelNames.Of(b.Key), Days(b.Value))).ToList(),
        weights.Remedies.OrderBy(r => r.Key).Select(r => new RemedyWeightView(ModelNames.Of(r.Key), RuleCatalogue.Explain(r.Key), Days(r.Value.Once), Days(r.Value.PerFinding))).ToList(),
        Days(weights.Vm));

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}

internal sealed record DestinationCount(string Key, string Label, string Slug, int Count);

internal sealed record DestinationSegment(string Slug, int Count, double X, double Width, string Title);

internal sealed record ResourceLink(string Label, string? Anchor);

internal sealed record ApplicationView(
    string Solution,
    string Anchor,
    string? Report,
    string? Failure,
    string DestinationKey,
    string DestinationSlug,
    string DestinationLabel,
    bool Proven,
    int ProjectCount,
    IReadOnlyList<DestinationCount> Destinations,
    int NotAnalysed,
    int Findings,
    string Effort,
    int Notices,
    IReadOnlyList<ProjectRow> Projects,
    IReadOnlyList<ResourceLink> SharedResources);

internal sealed record ProjectRow(
    string Name,
    string Path,
    string Kind,
    string DestinationKey,
    string DestinationSlug,
    string DestinationLabel,
    bool NotProven,
    string? Note,
    int Findings,
    IReadOnlyList<int> Counts,
    string? Effort,
    string? EffortDetail,
    IReadOnlyList<ResourceLink> SharedResources);

internal sealed record SharedResourceView(string Anchor, string Kind, string KindLabel, string Name, IReadOnlyList<SharedUserView> Applications);

internal sealed record SharedUserView(string Solution, string Anchor, IReadOnlyList<UseView> Uses);

internal sealed record UseView(string Project, string Location, string? ConfigKey);

internal sealed record BaseWeight(string Kind, string Days);

internal sealed record RemedyWeightView(string Remedy, string Explanation, string Once, string PerFinding);

internal sealed record WeightsView(IReadOnlyList<BaseWeight> Base, IReadOnlyList<RemedyWeightView> Remedies, string Vm);
