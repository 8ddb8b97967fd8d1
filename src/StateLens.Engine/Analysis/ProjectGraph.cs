namespace StateLens.Engine.Analysis;

/// <summary>
/// What one project's code reaches: edges from members to the members and fields they use, keyed by
/// documentation IDs so that graphs of referencing projects join up; and the project's entry points.
/// </summary>
public sealed class ProjectGraph
{
    public required string Project { get; init; }

    /// <summary>Caller documentation ID to the IDs it calls, constructs, reads or writes.</summary>
    public Dictionary<string, HashSet<string>> Edges { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Interface, abstract or virtual member ID to the members that implement or override it in this project, and
    /// DI service members to the registered implementation's members. Joined over all projects when chains are searched,
    /// because the call and the implementation usually live in different projects.
    /// </summary>
    public Dictionary<string, HashSet<string>> Implementations { get; } = new(StringComparer.Ordinal);

    /// <summary>Documentation ID to "Type.Member" for display in chains.</summary>
    public Dictionary<string, string> DisplayNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Member documentation ID (declared in this project) to its containing type's full name.</summary>
    public Dictionary<string, string> ContainingTypes { get; } = new(StringComparer.Ordinal);

    public List<EntryPointNode> EntryPoints { get; } = [];

    public void AddEdge(string from, string to)
    {
        if (from == to)
        {
            return;
        }

        if (!Edges.TryGetValue(from, out var targets))
        {
            Edges[from] = targets = new HashSet<string>(StringComparer.Ordinal);
        }

        targets.Add(to);
    }

    public void AddImplementation(string member, string implementation)
    {
        if (member == implementation)
        {
            return;
        }

        if (!Implementations.TryGetValue(member, out var targets))
        {
            Implementations[member] = targets = new HashSet<string>(StringComparer.Ordinal);
        }

        targets.Add(implementation);
    }
}

/// <summary>
/// An entry point found in code, before verdicts. <paramref name="File"/> is the path as the compiler saw it (absolute
/// for loaded projects; the decomposer makes it relative). <paramref name="Type"/> is the containing type's full name.
/// </summary>
public sealed record EntryPointNode(string Id, string Name, string Kind, string File, int Line, string? Type = null)
{
    /// <summary>Last line of a minimal API lambda: findings between <see cref="Line"/> and here sit in the handler.</summary>
    public int EndLine { get; init; }
}
