using System.Globalization;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Reporting.Html;

/// <summary>Builds the <see cref="ReportView"/> from the model; every list is sorted so the page is byte-identical per model.</summary>
internal static class ReportViewBuilder
{
    private const double VerdictChartWidth = 640;
    private const double CategoryChartWidth = 640;
    private const double CategoryLabelWidth = 170;
    private const double CategoryRowHeight = 26;

    public static ReportView Build(AnalysisModel model)
    {
        var summary = ReportSummary.From(model);
        var projects = model.Projects.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Path, StringComparer.Ordinal).ToList();
        var projectAnchors = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < projects.Count; i++)
        {
            projectAnchors.TryAdd(projects[i].Name, $"project-{i + 1}");
        }

        var findings = model.Findings.OrderBy(f => f, FindingOrder.Instance).ToList();
        var findingAnchors = new Dictionary<Finding, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < findings.Count; i++)
        {
            findingAnchors[findings[i]] = $"finding-{i + 1}";
        }

        var rules = model.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var categories = ReportView.CategoryOrder(StateCategories.All.Concat(findings.Select(f => f.Category))).ToList();
        var highlighter = new CodeHighlighter();

        var severityCounts = ReportSummary.Severities.Select(s => new CountView(s, ReportView.SeverityLabel(s), s, summary.BySeverity[s])).ToList();
        var verdictCounts = ReportView.VerdictKeys
            .Select(v => new CountView(v, ReportView.VerdictLabel(v), ReportView.VerdictSlug(v), summary.ProjectsByVerdict[v]))
            .Append(new CountView("not-analysed", "not analysed", "not-analysed", summary.ProjectsNotAnalysed))
            .ToList();
        var categoryCounts = categories
            .Select(c => new CountView(c, c, ReportView.Slug(c, StateCategories.All), findings.Count(f => f.Category == c)))
            .ToList();

        var notProven = projects.Count(p => ReportView.CoverageFlag(p) is not null);
        var view = new ReportView
        {
            ToolVersion = model.ToolVersion,
            Input = model.Input,
            Timestamp = model.Timestamp?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            Summary = new SummaryView(
                findings.Count,
                projects.Count,
                projects.Count(p => p.Verdict is not null),
                summary.ProjectsNotAnalysed,
                projects.Count(p => p.LoadStatus == LoadStatus.Partial),
                findings.Select(f => f.File).Distinct(StringComparer.Ordinal).Count(),
                categoryCounts,
                severityCounts,
                verdictCounts,
                notProven,
                verdictCounts.Select(v => new VerdictGroup(v.Key, v.Label, v.Slug, projects
                    .Where(p => ReportView.VerdictSlug(p.Verdict) == v.Slug)
                    .Select(p => new ProjectLink(p.Name, projectAnchors[p.Name], ReportView.CoverageFlag(p)))
                    .ToList())).ToList(),
                categories.Select(c => new CategoryMatrixRow(
                    c,
                    ReportView.Slug(c, StateCategories.All),
                    ReportSummary.Severities.Select(s => findings.Count(f => f.Category == c && ModelNames.Of(f.Severity) == s)).ToList(),
                    findings.Count(f => f.Category == c))).ToList(),
                Headline(projects.Count, summary, notProven)),
            Charts = Charts(verdictCounts, categories, findings, severityCounts),
            Coverage = Coverage(model, projects, projectAnchors),
            Graph = DependencyLayout.Compute(projects, n => projectAnchors[n]),
            Projects = projects.Select(p => Project(p, model, findings, rules, highlighter, projectAnchors, findingAnchors)).ToList(),
            Findings = findings.Select(f => new FindingRow(
                findingAnchors[f],
                f.RuleId,
                f.Category,
                ReportView.Slug(f.Category, StateCategories.All),
                ModelNames.Of(f.Severity),
                ReportView.Slug(ModelNames.Of(f.Severity), ReportSummary.Severities),
                ReportView.SeverityRank(ModelNames.Of(f.Severity)),
                f.Project,
                f.File,
                f.Line,
                f.Column,
                Location(f.File, f.Line, f.Column),
                f.Message)).ToList(),
            Filters = new FiltersView(
                categories.Where(c => findings.Any(f => f.Category == c)).ToList(),
                ReportSummary.Severities.Where(s => findings.Any(f => ModelNames.Of(f.Severity) == s)).ToList(),
                findings.Select(f => f.Project).Distinct().Order(StringComparer.Ordinal).ToList(),
                findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList()),
            Rules = model.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new RuleView(
                r.Id,
                r.Title,
                r.Category,
                r.DefaultSeverity,
                r.Description,
                ReportView.SafeHttpUri(r.HelpUri),
                ModelNames.Of(r.Remedy),
                RuleCatalogue.Explain(r.Remedy),
                findings.Count(f => f.RuleId == r.Id))).ToList(),
            HasEntryPoints = model.EntryPoints.Count > 0,
            EntryPointCount = model.EntryPoints.Count,
            DataJson = ScriptJson.Serialize(new
            {
                tool = new { name = "StateLens", version = model.ToolVersion },
                input = model.Input,
                findings = findings.Count,
                projects = projects.Count,
                byCategory = categoryCounts.ToDictionary(c => c.Key, c => c.Count),
                bySeverity = summary.BySeverity,
                projectsByVerdict = summary.ProjectsByVerdict,
                projectsNotAnalysed = summary.ProjectsNotAnalysed,
            }),
        };
        return view;
    }

    private static string Headline(int projectCount, ReportSummary summary, int notProven)
    {
        if (projectCount == 0)
        {
            return "No projects were found in the input.";
        }

        var ready = summary.ProjectsByVerdict[ModelNames.Of(Verdict.Stateless)];
        var movable = summary.ProjectsByVerdict[ModelNames.Of(Verdict.StatefulExternalizable)];
        var bound = summary.ProjectsByVerdict[ModelNames.Of(Verdict.HostBound)];
        var headline = string.Create(CultureInfo.InvariantCulture,
            $"{ready} of {projectCount} project{Plural(projectCount)} can be containerized as is, {movable} after moving state to external stores, {bound} {(bound == 1 ? "is" : "are")} bound to the host; {summary.ProjectsNotAnalysed} not analysed.");
        return notProven == 0
            ? headline
            : headline + string.Create(CultureInfo.InvariantCulture,
                $" {notProven} verdict{Plural(notProven)} {(notProven == 1 ? "is" : "are")} not proven: less than {ReasonText.Percent(BindingCoverage.Threshold)}% of {(notProven == 1 ? "its" : "their")} code bound.");
    }

    private static ChartsView Charts(IReadOnlyList<CountView> verdicts, IReadOnlyList<string> categories, IReadOnlyList<Finding> findings, IReadOnlyList<CountView> severities)
    {
        var total = verdicts.Sum(v => v.Count);
        var segments = new List<BarSegment>();
        double x = 0;
        foreach (var v in verdicts.Where(v => v.Count > 0))
        {
            var w = Math.Round(VerdictChartWidth * v.Count / total, 1);
            segments.Add(new BarSegment(v.Label, v.Slug, v.Count, Math.Round(x, 1), w, string.Create(CultureInfo.InvariantCulture, $"{v.Label}: {v.Count}")));
            x += w;
        }

        var byCategory = categories.Select(c => (Category: c, Findings: findings.Where(f => f.Category == c).ToList())).ToList();
        var max = Math.Max(1, byCategory.Max(c => c.Findings.Count));
        var barArea = CategoryChartWidth - CategoryLabelWidth - 40;
        var bars = new List<CategoryBar>();
        for (var i = 0; i < byCategory.Count; i++)
        {
            var (category, inCategory) = byCategory[i];
            var parts = new List<BarSegment>();
            double sx = CategoryLabelWidth;
            foreach (var severity in severities.Select(s => s.Key))
            {
                var count = inCategory.Count(f => ModelNames.Of(f.Severity) == severity);
                if (count == 0)
                {
                    continue;
                }

                var w = Math.Round(barArea * count / max, 1);
                parts.Add(new BarSegment(ReportView.SeverityLabel(severity), ReportView.Slug(severity, ReportSummary.Severities), count, Math.Round(sx, 1), w,
                    string.Create(CultureInfo.InvariantCulture, $"{category}, {severity}: {count}")));
                sx += w;
            }

            bars.Add(new CategoryBar(category, category.Length <= 26 ? category : string.Concat(category.AsSpan(0, 25), "\u2026"), inCategory.Count, i * CategoryRowHeight, parts, Math.Round(sx + 6, 1)));
        }

        return new ChartsView(VerdictChartWidth, segments, CategoryChartWidth, Math.Max(1, bars.Count) * CategoryRowHeight, CategoryLabelWidth, bars, severities);
    }

    private static CoverageView Coverage(AnalysisModel model, IReadOnlyList<ProjectSummary> projects, IReadOnlyDictionary<string, string> anchors)
    {
        var incomplete = projects
            .Where(p => p.LoadStatus != LoadStatus.Loaded || ReportView.CoverageFlag(p) is not null)
            .OrderBy(p => p.LoadStatus switch { LoadStatus.Failed => 0, LoadStatus.Skipped => 1, LoadStatus.Partial => 2, _ => 3 })
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new IncompleteProject(
                p.Name,
                p.Path,
                ModelNames.Of(p.LoadStatus),
                p.LoadMessage,
                p.MissingReferences.Order(StringComparer.Ordinal).ToList(),
                anchors[p.Name],
                p.Binding is { } binding ? ReasonText.Percent(binding.Share) + "%" : null,
                ReportView.CoverageFlag(p) is not null))
            .ToList();
        return new CoverageView(incomplete, model.Notices, incomplete.Count > 0 || model.Notices.Count > 0);
    }

    private static ProjectView Project(
        ProjectSummary project,
        AnalysisModel model,
        IReadOnlyList<Finding> findings,
        IReadOnlyDictionary<string, RuleInfo> rules,
        CodeHighlighter highlighter,
        IReadOnlyDictionary<string, string> projectAnchors,
        IReadOnlyDictionary<Finding, string> findingAnchors)
    {
        var own = findings.Where(f => f.Project == project.Name).ToList();
        var groups = own.GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                rules.TryGetValue(g.Key, out var rule);
                return new RuleGroupView(
                    g.Key,
                    rule?.Title ?? g.Key,
                    rule?.Description,
                    ReportView.SafeHttpUri(rule?.HelpUri),
                    g.First().Category,
                    g.Select(f => Finding(f, rule, highlighter, findingAnchors[f])).ToList());
            })
            .ToList();

        var entryPoints = model.EntryPoints
            .Where(e => e.Project == project.Name)
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new EntryPointView(
                e.Name,
                e.Kind,
                Location(e.File, e.Line, null),
                ReportView.VerdictSlug(e.Verdict),
                ReportView.VerdictLabel(e.Verdict),
                e.Chains.Select(c => new ChainView(
                    c.Steps,
                    c.RuleId,
                    Location(c.File, c.Line, null),
                    c.Truncated,
                    own.FirstOrDefault(f => f.RuleId == c.RuleId && f.File == c.File && f.Line == c.Line) is { } target ? findingAnchors[target] : null)).ToList()))
            .ToList();

        return new ProjectView(
            project.Name,
            projectAnchors[project.Name],
            project.Path,
            project.Language,
            project.TargetFramework,
            ModelNames.Of(project.Kind),
            project.SdkStyle,
            ModelNames.Of(project.LoadStatus),
            project.LoadMessage,
            project.MissingReferences.Order(StringComparer.Ordinal).ToList(),
            project.ProjectReferences.Order(StringComparer.Ordinal).ToList(),
            ReportView.VerdictSlug(project.Verdict),
            ReportView.VerdictLabel(project.Verdict),
            project.Binding is { } binding
                ? new BindingView(
                    ReasonText.Bound(binding),
                    ReportView.CoverageFlag(project) is not null,
                    binding.Names,
                    binding.Unbound,
                    binding.TopUnbound.Select(u => new UnboundNamespaceView(u.Namespace, u.Names, u.ProvidedBy)).ToList())
                : null,
            ReportView.CoverageFlag(project),
            project.Reasons.Select(ReasonText.Of).ToList(),
            ReportView.CategoryOrder(project.Counts.Keys)
                .Where(c => project.Counts[c] > 0)
                .Select(c => new CountView(c, c, ReportView.Slug(c, StateCategories.All), project.Counts[c]))
                .ToList(),
            own.Count,
            entryPoints,
            groups);
    }

    private static FindingView Finding(Finding f, RuleInfo? rule, CodeHighlighter highlighter, string anchor)
    {
        var target = f.Target;
        return new FindingView(
            anchor,
            f.RuleId,
            f.Category,
            ReportView.Slug(f.Category, StateCategories.All),
            ModelNames.Of(f.Severity),
            ReportView.Slug(ModelNames.Of(f.Severity), ReportSummary.Severities),
            Location(f.File, f.Line, f.Column),
            f.Message,
            f.Symbol,
            f.Member,
            ModelNames.Of(f.Confidence),
            highlighter.Highlight(f),
            ModelNames.Of(f.Remedy),
            RuleCatalogue.Explain(f.Remedy),
            ModelNames.Of(target?.Kind),
            target?.Directory,
            target is null ? null : target.Temporary ? "tmpfs at /tmp" : target.MountPath,
            target?.Reason,
            target?.ConfigKey ?? f.ConfigKey,
            target is not null || f.ConfigKey is not null);
    }

    private static string Location(string file, int line, int? column) => column is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{c}")
        : string.Create(CultureInfo.InvariantCulture, $"{file}:{line}");

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
