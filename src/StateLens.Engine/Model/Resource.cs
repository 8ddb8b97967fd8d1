namespace StateLens.Engine.Model;

/// <summary>
/// A stateful resource outside the process that the solution names in code or configuration: a database, a share, a
/// host folder, a cache or a queue. Two applications naming the same resource (same <see cref="Kind"/> and
/// <see cref="Name"/>) are coupled; the estate merge reads exactly these two fields to find that.
/// </summary>
public sealed record Resource
{
    /// <summary>
    /// Starts the name of a resource inside the application's own folder (a |DataDirectory| database, a relative
    /// file): each copy of the application has its own, so it never couples two applications.
    /// </summary>
    public const string AppLocalPrefix = "~/";

    /// <summary>True for a resource inside the application's own folder (see <see cref="AppLocalPrefix"/>).</summary>
    public bool IsAppLocal => Name.StartsWith(AppLocalPrefix, StringComparison.Ordinal);

    public required ResourceKind Kind { get; init; }

    /// <summary>
    /// The resource's identity, canonical so that two applications naming it differently still match: lower case,
    /// forward slashes, no credentials ("db01/orders" for a SQL database, "//fileserver/exports" for a share,
    /// "(localdb)/mssqllocaldb/shop" for a LocalDB database, "redis01:6379" for Redis, "./private$/orders" for MSMQ).
    /// </summary>
    public required string Name { get; init; }

    /// <summary>Where the solution names it, sorted by project, file, line (<see cref="InOrder"/>).</summary>
    public required IReadOnlyList<ResourceUse> Uses { get; init; }

    /// <summary>Uses without repeats, in the one order every list of uses is kept in: project, file, line, key.</summary>
    public static List<ResourceUse> InOrder(IEnumerable<ResourceUse> uses) =>
        uses.Distinct()
            .OrderBy(u => u.Project, StringComparer.Ordinal)
            .ThenBy(u => u.File, StringComparer.Ordinal)
            .ThenBy(u => u.Line ?? 0)
            .ThenBy(u => u.ConfigKey, StringComparer.Ordinal)
            .ToList();
}

/// <summary>One place a resource is named: a connection string or setting in a config file, or a literal in code.</summary>
public sealed record ResourceUse
{
    public required string Project { get; init; }

    /// <summary>Relative to the solution folder, forward slashes.</summary>
    public required string File { get; init; }

    /// <summary>1-based; null when the place is a whole file.</summary>
    public int? Line { get; init; }

    /// <summary>The configuration key that names it ("ConnectionStrings:ShopDb", "appSettings:ExportShare").</summary>
    public string? ConfigKey { get; init; }
}
