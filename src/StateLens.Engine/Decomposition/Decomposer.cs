using StateLens.Engine.Analysis;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Decomposition;

/// <summary>
/// Turns findings and call graphs into verdicts (stateless, stateful-externalizable or host-bound) per entry point,
/// type and project, with the shortest chain from each entry point to each finding it reaches.
/// </summary>
public static class Decomposer
{
    public const Verdict Stateless = Verdict.Stateless;
    public const Verdict StatefulExternalizable = Verdict.StatefulExternalizable;
    public const Verdict HostBound = Verdict.HostBound;

    public static AnalysisModel Decompose(AnalysisModel model, IReadOnlyList<ProjectGraph> graphs) => Decompose(model, graphs, new ChainLimits());

    internal static AnalysisModel Decompose(AnalysisModel model, IReadOnlyList<ProjectGraph> graphs, ChainLimits limits)
    {
        var findings = model.Findings;
        var titles = model.Rules.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);
        var index = new GraphIndex(graphs);
        var nodes = graphs
            .SelectMany(g => g.EntryPoints.Select(e => (g.Project, Node: e with { File = Relative(model.RootDirectory, e.File) })))
            .OrderBy(e => e.Project, StringComparer.Ordinal)
            .ThenBy(e => e.Node.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Node.File, StringComparer.Ordinal)
            .ThenBy(e => e.Node.Line)
            .ThenBy(e => e.Node.Id, StringComparer.Ordinal)
            .ToList();
        var anchors = Anchors(findings, nodes.Select(n => n.Node).ToList());

        var reachedAnywhere = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        var entries = new List<(string Project, EntryPointNode Node, List<Finding> Reached, EntryPoint Result)>();
        var notices = model.Notices.ToList();
        foreach (var (project, node) in nodes)
        {
            var search = ChainSearch.Find(index, node.Id, node.Name, anchors, limits);
            var reached = search.Chains.Select(c => c.Finding).Distinct(ReferenceEqualityComparer.Instance).Cast<Finding>().ToList();
            reachedAnywhere.UnionWith(reached);
            var chains = search.Chains
                .OrderBy(c => PinsToHost(c.Chain.RuleId) ? 0 : 1)
                .ThenBy(c => c.Chain.RuleId, StringComparer.Ordinal)
                .ThenBy(c => c.Chain.File, StringComparer.Ordinal)
                .ThenBy(c => c.Chain.Line)
                .ThenBy(c => c.Chain.Steps.Count)
                .ThenBy(c => string.Join("\u001f", c.Chain.Steps), StringComparer.Ordinal)
                .Select(c => c.Chain)
                .ToList();
            var reason = Judge(reached, ReasonKind.EntryPointVerdict, titles);
            if (reason.Verdict == Stateless)
            {
                reason = reason with { MembersSearched = search.Visited };
            }

            if (chains.Count > limits.MaxChainsPerEntryPoint)
            {
                reason = reason with { ChainsShown = limits.MaxChainsPerEntryPoint, ChainsFound = chains.Count };
                chains = chains.Take(limits.MaxChainsPerEntryPoint).ToList();
            }

            if (search.BudgetExhausted)
            {
                reason = reason with { SearchStoppedAfter = limits.NodeBudget };
                notices.Add($"reason chains of {project} {node.Name} were cut at {limits.NodeBudget} members; its verdict may miss findings");
            }

            entries.Add((project, node, reached, new EntryPoint
            {
                Name = node.Name,
                Kind = node.Kind,
                Project = project,
                File = node.File,
                Line = node.Line,
                Verdict = reason.Verdict ?? Stateless,
                Reason = reason,
                Chains = chains,
            }));
        }

        var projects = model.Projects
            .Select(p => JudgeProject(p, findings, entries.Where(e => e.Project == p.Name).ToList(), reachedAnywhere, titles))
            .ToList();
        var types = JudgeTypes(findings, entries, index, reachedAnywhere, titles);
        return model with
        {
            Findings = findings,
            Projects = projects,
            EntryPoints = entries.Select(e => e.Result).ToList(),
            Types = types,
            Notices = notices.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>
    /// Anchor ID to the findings that sit there. A finding inside a minimal API handler anchors at that handler (the
    /// analyzer only knows the enclosing member, which is Main for top-level statements).
    /// </summary>
    private static Dictionary<string, List<Finding>> Anchors(IReadOnlyList<Finding> findings, IReadOnlyList<EntryPointNode> nodes)
    {
        var lambdas = nodes.Where(n => n.EndLine > 0).ToList();
        var anchors = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            var handler = lambdas
                .Where(l => l.File == finding.File && l.Line <= finding.Line && finding.Line <= l.EndLine)
                .OrderBy(l => l.EndLine - l.Line)
                .FirstOrDefault();
            var anchor = handler?.Id ?? finding.AnchorId;
            if (anchor is null)
            {
                continue;
            }

            if (!anchors.TryGetValue(anchor, out var list))
            {
                anchors[anchor] = list = [];
            }

            list.Add(finding);
        }

        return anchors;
    }

    private static ProjectSummary JudgeProject(
        ProjectSummary project,
        IReadOnlyList<Finding> findings,
        IReadOnlyList<(string Project, EntryPointNode Node, List<Finding> Reached, EntryPoint Result)> entries,
        HashSet<Finding> reachedAnywhere,
        IReadOnlyDictionary<string, string> titles)
    {
        if (project.LoadStatus is LoadStatus.Failed or LoadStatus.Skipped)
        {
            return project with { Verdict = null, Reasons = [new Reason { Kind = ReasonKind.NotAnalysed, LoadMessage = project.LoadMessage }] };
        }

        var own = findings.Where(f => f.Project == project.Name).ToList();
        var all = own.Concat(entries.SelectMany(e => e.Reached)).Distinct(ReferenceEqualityComparer.Instance).Cast<Finding>().ToList();
        var split = Judge(all, ReasonKind.ProjectVerdict, titles) with { EntryPoints = entries.Count };
        var reasons = new List<Reason> { split };
        if (project.Binding is { BelowThreshold: true } binding)
        {
            reasons.Add(new Reason { Kind = ReasonKind.NotProven, CoverageShare = binding.Share, LoadMessage = project.LoadMessage });
        }

        foreach (var group in all.GroupBy(f => f.RuleId).OrderBy(g => PinsToHost(g.Key) ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var items = group.ToList();
            var pins = PinsToHost(group.Key);
            var ownAnchored = items.Where(f => f.Project == project.Name && f.AnchorId is not null).ToList();
            reasons.Add(new Reason
            {
                Kind = ReasonKind.RuleFindings,
                RuleId = group.Key,
                Title = Title(group.Key, items[0], titles),
                FindingCount = items.Count,
                ReachedThrough = items.Where(f => f.Project != project.Name).Select(f => f.Project).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                PinsToHost = pins,
                Remedy = pins ? null : items[0].Remedy,
                Folders = pins ? [] : items.Select(f => f.Target?.Directory).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                NotReached = ownAnchored.Count > 0 && ownAnchored.All(f => !reachedAnywhere.Contains(f)),
            });
        }

        return project with { Verdict = split.Verdict, Reasons = reasons };
    }

    private static List<TypeVerdict> JudgeTypes(
        IReadOnlyList<Finding> findings,
        IReadOnlyList<(string Project, EntryPointNode Node, List<Finding> Reached, EntryPoint Result)> entries,
        GraphIndex index,
        HashSet<Finding> reachedAnywhere,
        IReadOnlyDictionary<string, string> titles)
    {
        var types = new SortedDictionary<(string Project, string Type), (List<Finding> Own, List<Finding> Reached, int Entries)>(
            Comparer<(string Project, string Type)>.Create((a, b) =>
            {
                var byProject = string.CompareOrdinal(a.Project, b.Project);
                return byProject != 0 ? byProject : string.CompareOrdinal(a.Type, b.Type);
            }));
        (List<Finding> Own, List<Finding> Reached, int Entries) Slot(string project, string type)
        {
            if (!types.TryGetValue((project, type), out var slot))
            {
                types[(project, type)] = slot = ([], [], 0);
            }

            return slot;
        }

        foreach (var finding in findings)
        {
            if (finding.AnchorId is { } anchor && index.ContainingType(anchor) is { } type)
            {
                Slot(finding.Project, type).Own.Add(finding);
            }
        }

        foreach (var (project, node, reached, _) in entries)
        {
            if ((node.Type ?? index.ContainingType(node.Id)) is { } type)
            {
                var slot = Slot(project, type);
                slot.Reached.AddRange(reached);
                types[(project, type)] = slot with { Entries = slot.Entries + 1 };
            }
        }

        var result = new List<TypeVerdict>();
        foreach (var ((project, type), (own, reached, entryCount)) in types)
        {
            var all = own.Concat(reached).Distinct(ReferenceEqualityComparer.Instance).Cast<Finding>().ToList();
            var reason = Judge(all, ReasonKind.TypeVerdict, titles);
            if (reason.Verdict == Stateless)
            {
                reason = reason with { EntryPoints = entryCount };
            }
            else if (entryCount == 0 && own.All(f => !reachedAnywhere.Contains(f)))
            {
                reason = reason with { NotReached = true };
            }

            result.Add(new TypeVerdict { Name = type, Project = project, Verdict = reason.Verdict ?? Stateless, Reason = reason });
        }

        return result;
    }

    /// <summary>The verdict for a set of findings and the findings it rests on: the blockers, or each finding with its remedy.</summary>
    private static Reason Judge(IReadOnlyList<Finding> findings, ReasonKind kind, IReadOnlyDictionary<string, string> titles)
    {
        var hostBound = findings.Where(f => PinsToHost(f.RuleId)).ToList();
        if (hostBound.Count > 0)
        {
            return Named(kind, HostBound, hostBound, f => new FindingReference { RuleId = f.RuleId, File = f.File, Line = f.Line, Title = Title(f.RuleId, f, titles) });
        }

        if (findings.Count > 0)
        {
            return Named(kind, StatefulExternalizable, findings, f => new FindingReference
            {
                RuleId = f.RuleId,
                File = f.File,
                Line = f.Line,
                Remedy = f.Remedy,
                Folder = f.Remedy == Remedy.Volume ? f.Target?.Directory : null,
            });
        }

        return new Reason { Kind = kind, Verdict = Stateless, FindingCount = 0 };
    }

    /// <summary>A reason that names the first distinct findings in rule, file and line order and counts the rest.</summary>
    private static Reason Named(ReasonKind kind, Verdict verdict, IReadOnlyList<Finding> findings, Func<Finding, FindingReference> reference)
    {
        var distinct = findings
            .OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line)
            .Select(reference)
            .Distinct()
            .ToList();
        return new Reason
        {
            Kind = kind,
            Verdict = verdict,
            FindingCount = findings.Count,
            Findings = distinct.Take(Reason.MaxListedFindings).ToList(),
            UnlistedFindings = Math.Max(0, distinct.Count - Reason.MaxListedFindings),
        };
    }

    private static string Title(string ruleId, Finding finding, IReadOnlyDictionary<string, string> titles) =>
        titles.TryGetValue(ruleId, out var title) ? title : finding.Category;

    private static string Relative(string root, string file) =>
        file.Length > 0 && Path.IsPathRooted(file) ? Paths.Relative(root, file) : file.Replace('\\', '/');

    private static bool PinsToHost(string ruleId) => RuleCatalogue.Get(ruleId).PinsToHost;
}
