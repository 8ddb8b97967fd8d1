namespace StateLens.Engine.Decomposition;

/// <summary>
/// What one project's code reaches: edges from members to the members and fields they use, keyed by
/// documentation IDs so that graphs of referencing projects join up; and the project's entry points.
/// </summary>
public sealed class ProjectGraph
{
    public required string Project { get; init; }

    /// <summary>Caller documentation ID to the IDs it calls, constructs, reads or writes.</summary>
    public Dictionary<string, HashSet<string>> Edges { get; } = new(StringComparer.Ordinal);

    /// <summary>Documentation ID to "Type.Member" for display in chains.</summary>
    public Dictionary<string, string> DisplayNames { get; } = new(StringComparer.Ordinal);

    public List<EntryPointNode> EntryPoints { get; } = [];
}

/// <summary>An entry point found in code, before verdicts.</summary>
public sealed record EntryPointNode(string Id, string Name, string Kind, string File, int Line);
