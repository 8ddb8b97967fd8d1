using StateLens.Engine.Analysis;
using StateLens.Engine.Model;

namespace StateLens.Engine.Decomposition;

/// <summary>All projects' graphs joined: edges, dispatch to implementations, display names and containing types.</summary>
internal sealed class GraphIndex
{
    private readonly Dictionary<string, HashSet<string>> edges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> implementations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> displayNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> containingTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> neighbors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> dispatch = new(StringComparer.Ordinal);

    public GraphIndex(IEnumerable<ProjectGraph> graphs)
    {
        foreach (var graph in graphs)
        {
            Merge(edges, graph.Edges);
            Merge(implementations, graph.Implementations);
            foreach (var (id, name) in graph.DisplayNames)
            {
                displayNames.TryAdd(id, name);
            }

            foreach (var (id, type) in graph.ContainingTypes)
            {
                containingTypes.TryAdd(id, type);
            }
        }
    }

    /// <summary>What <paramref name="id"/> uses, with each virtual or interface target followed by everything that implements it.</summary>
    public string[] Neighbors(string id)
    {
        if (neighbors.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var result = new SortedSet<string>(StringComparer.Ordinal);
        if (edges.TryGetValue(id, out var targets))
        {
            foreach (var target in targets)
            {
                result.Add(target);
                result.UnionWith(Dispatch(target));
            }
        }

        return neighbors[id] = [.. result];
    }

    public string DisplayName(string id) => displayNames.TryGetValue(id, out var name) ? name : DisplayFromId(id);

    /// <summary>Full name of the type that declares <paramref name="id"/>, from the graphs or else read off the ID.</summary>
    public string? ContainingType(string id)
    {
        if (containingTypes.TryGetValue(id, out var type))
        {
            return type;
        }

        var name = StripId(id);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : null;
    }

    private string[] Dispatch(string member)
    {
        if (dispatch.TryGetValue(member, out var cached))
        {
            return cached;
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([member]);
        while (pending.Count > 0)
        {
            if (implementations.TryGetValue(pending.Dequeue(), out var direct))
            {
                foreach (var implementation in direct.Where(i => i != member && found.Add(i)))
                {
                    pending.Enqueue(implementation);
                }
            }
        }

        return dispatch[member] = [.. found];
    }

    private static void Merge(Dictionary<string, HashSet<string>> into, Dictionary<string, HashSet<string>> from)
    {
        foreach (var (key, values) in from)
        {
            if (!into.TryGetValue(key, out var set))
            {
                into[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(values);
        }
    }

    /// <summary>"M:NS.Type.Method(System.Int32)" to "NS.Type.Method".</summary>
    private static string StripId(string id)
    {
        id = id[(id.IndexOf('|', StringComparison.Ordinal) + 1)..];
        var name = id.Length > 2 && id[1] == ':' ? id[2..] : id;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        return paren >= 0 ? name[..paren] : name;
    }

    private static string DisplayFromId(string id)
    {
        var parts = StripId(id).Split('.');
        return parts.Length >= 2 ? parts[^2] + "." + parts[^1].Replace("#ctor", "ctor", StringComparison.Ordinal) : parts[^1];
    }
}

/// <summary>Bounds of the search from one entry point.</summary>
internal sealed record ChainLimits
{
    /// <summary>Chains with more steps than this are shown with their middle left out.</summary>
    public int MaxDepth { get; init; } = 12;

    /// <summary>Members visited per entry point before the search gives up.</summary>
    public int NodeBudget { get; init; } = 20_000;

    public int MaxChainsPerEntryPoint { get; init; } = 50;
}

/// <summary>A finding reached from an entry point, with the shortest chain to it.</summary>
internal sealed record FoundChain(Finding Finding, ReasonChain Chain);

internal sealed record SearchResult(IReadOnlyList<FoundChain> Chains, int Visited, bool BudgetExhausted);

/// <summary>Breadth-first search from an entry point to every finding's anchor: the first path found is a shortest one.</summary>
internal static class ChainSearch
{
    public static SearchResult Find(
        GraphIndex index,
        string startId,
        string startName,
        IReadOnlyDictionary<string, List<Finding>> anchors,
        ChainLimits limits)
    {
        var parent = new Dictionary<string, string?>(StringComparer.Ordinal) { [startId] = null };
        var queue = new Queue<string>();
        queue.Enqueue(startId);
        var chains = new List<FoundChain>();
        var exhausted = false;
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (anchors.TryGetValue(current, out var findings))
            {
                var path = PathTo(current, parent);
                foreach (var finding in findings)
                {
                    chains.Add(new FoundChain(finding, ToChain(index, path, startName, finding, limits)));
                }
            }

            foreach (var next in index.Neighbors(current))
            {
                if (parent.ContainsKey(next))
                {
                    continue;
                }

                if (parent.Count >= limits.NodeBudget)
                {
                    exhausted = true;
                    break;
                }

                parent[next] = current;
                queue.Enqueue(next);
            }
        }

        return new SearchResult(chains, parent.Count, exhausted);
    }

    private static List<string> PathTo(string id, Dictionary<string, string?> parent)
    {
        var path = new List<string>();
        for (string? current = id; current is not null; current = parent[current])
        {
            path.Add(current);
        }

        path.Reverse();
        return path;
    }

    private static ReasonChain ToChain(GraphIndex index, List<string> path, string startName, Finding finding, ChainLimits limits)
    {
        var steps = path.Select((id, i) => i == 0 ? startName : index.DisplayName(id)).ToList();
        var truncated = steps.Count > limits.MaxDepth;
        if (truncated)
        {
            var head = limits.MaxDepth / 2;
            var tail = limits.MaxDepth - head - 1;
            steps = [.. steps.Take(head), "…", .. steps.Skip(steps.Count - tail)];
        }

        return new ReasonChain { Steps = steps, RuleId = finding.RuleId, File = finding.File, Line = finding.Line, Truncated = truncated };
    }
}
