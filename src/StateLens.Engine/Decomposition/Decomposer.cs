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

    private const int ItemsPerLine = 3;

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
            var (verdict, line) = Judge(reached, titles);
            if (verdict == Stateless)
            {
                line = $"stateless: reaches no state ({search.Visited} member{Plural(search.Visited)} searched)";
            }

            if (chains.Count > limits.MaxChainsPerEntryPoint)
            {
                line += $" (showing {limits.MaxChainsPerEntryPoint} of {chains.Count} chains)";
                chains = chains.Take(limits.MaxChainsPerEntryPoint).ToList();
            }

            if (search.BudgetExhausted)
            {
                line += $"; the search stopped after {limits.NodeBudget} members, so findings further away may be missing";
                notices.Add($"reason chains of {project} {node.Name} were cut at {limits.NodeBudget} members; its verdict may miss findings");
            }

            entries.Add((project, node, reached, new EntryPoint
            {
                Name = node.Name,
                Kind = node.Kind,
                Project = project,
                File = node.File,
                Line = node.Line,
                Verdict = verdict,
                Reason = line,
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
            return project with { Verdict = null, Reasons = [$"not analysed: {project.LoadMessage}"] };
        }

        var own = findings.Where(f => f.Project == project.Name).ToList();
        var all = own.Concat(entries.SelectMany(e => e.Reached)).Distinct(ReferenceEqualityComparer.Instance).Cast<Finding>().ToList();
        var (verdict, _) = Judge(all, titles);
        var reasons = new List<string>();
        var entryText = entries.Count == 0 ? "it has no entry points" : $"{entries.Count} entry point{Plural(entries.Count)}";
        reasons.Add(verdict switch
        {
            HostBound => $"VM: host-bound, blocked by {Blockers(all.Where(f => PinsToHost(f.RuleId)).ToList(), titles)} ({entryText})",
            StatefulExternalizable => $"containers after moving state out: {all.Count} finding{Plural(all.Count)} to externalize, no host-bound code ({entryText})",
            _ => $"containers as is: no state in its code{(entries.Count > 0 ? $" or reached from its {entryText}" : string.Empty)}; run many replicas",
        });
        if (project.Binding is { BelowThreshold: true } binding)
        {
            reasons.Add(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"not proven: only {binding.Share * 100:0.#}% of its code bound, so state in the rest may be missing ({project.LoadMessage})"));
        }

        foreach (var group in all.GroupBy(f => f.RuleId).OrderBy(g => PinsToHost(g.Key) ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var items = group.ToList();
            var line = $"{group.Key}: {Title(group.Key, items[0], titles)} ({items.Count} finding{Plural(items.Count)}";
            var elsewhere = items.Where(f => f.Project != project.Name).Select(f => f.Project).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (elsewhere.Count > 0)
            {
                line += $", reached through {string.Join(", ", elsewhere)}";
            }

            line += ")";
            line += PinsToHost(group.Key)
                ? " ties it to its host"
                : ": " + RuleCatalogue.Explain(items[0].Remedy) + Volumes(items);
            var ownAnchored = items.Where(f => f.Project == project.Name && f.AnchorId is not null).ToList();
            if (ownAnchored.Count > 0 && ownAnchored.All(f => !reachedAnywhere.Contains(f)))
            {
                line += "; not reached from any entry point in the solution";
            }

            reasons.Add(line);
        }

        return project with { Verdict = verdict, Reasons = reasons };
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
            var (verdict, line) = Judge(all, titles);
            if (verdict == Stateless)
            {
                line = $"stateless: its {entryCount} entry point{Plural(entryCount)} reach{(entryCount == 1 ? "es" : string.Empty)} no state";
            }
            else if (entryCount == 0 && own.All(f => !reachedAnywhere.Contains(f)))
            {
                line += "; not reached from any entry point in the solution";
            }

            result.Add(new TypeVerdict { Name = type, Project = project, Verdict = verdict, Reason = line });
        }

        return result;
    }

    /// <summary>The verdict for a set of findings and one line that names the blockers or the remedies.</summary>
    private static (Verdict Verdict, string Line) Judge(IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string> titles)
    {
        var hostBound = findings.Where(f => PinsToHost(f.RuleId)).ToList();
        if (hostBound.Count > 0)
        {
            return (HostBound, $"host-bound: {Blockers(hostBound, titles)} keep{(hostBound.Count == 1 ? "s" : string.Empty)} it on a VM");
        }

        if (findings.Count > 0)
        {
            var remedies = findings
                .OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line)
                .Select(f => $"{f.RuleId} {Where(f)} -> {RemedyText(f)}")
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return (StatefulExternalizable, "stateful-externalizable: " + Limit(remedies));
        }

        return (Stateless, "stateless: no state found");
    }

    private static string Blockers(IReadOnlyList<Finding> hostBound, IReadOnlyDictionary<string, string> titles) =>
        Limit(hostBound
            .OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line)
            .Select(f => $"{f.RuleId} ({Title(f.RuleId, f, titles)}) at {Where(f)}")
            .Distinct(StringComparer.Ordinal)
            .ToList());

    private static string Limit(IReadOnlyList<string> items) =>
        items.Count <= ItemsPerLine
            ? string.Join("; ", items)
            : string.Join("; ", items.Take(ItemsPerLine)) + $"; and {items.Count - ItemsPerLine} more";

    private static string Where(Finding finding) => $"{finding.File}:{finding.Line}";

    private static string RemedyText(Finding finding)
    {
        if (finding.Remedy != Remedy.Volume)
        {
            return ModelNames.Of(finding.Remedy);
        }

        return finding.Target?.Directory is { } path ? $"volume at {path}" : "volume (folder not resolved)";
    }

    private static string Volumes(IReadOnlyList<Finding> findings)
    {
        var paths = findings.Select(f => f.Target?.Directory).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return paths.Count == 0 ? string.Empty : $" ({Limit(paths)})";
    }

    private static string Title(string ruleId, Finding finding, IReadOnlyDictionary<string, string> titles) =>
        titles.TryGetValue(ruleId, out var title) ? title : finding.Category;

    private static string Relative(string root, string file) =>
        file.Length > 0 && Path.IsPathRooted(file) ? Paths.Relative(root, file) : file.Replace('\\', '/');

    private static bool PinsToHost(string ruleId) => RuleCatalogue.Get(ruleId).PinsToHost;

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
