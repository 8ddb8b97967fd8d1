namespace StateLens.Engine.Model;

/// <summary>
/// How much of a project's code bound to symbols: the measure of how far its findings (and its lack of them) can be
/// trusted. A name counts once; a name whose qualifier already failed to bind is not counted again.
/// </summary>
public sealed record BindingCoverage
{
    /// <summary>Below this share a project's verdict is flagged: too much of its code was not understood.</summary>
    public const double Threshold = 0.95;

    /// <summary>Name references in the project's code (type, member and namespace names).</summary>
    public required int Names { get; init; }

    public required int Unbound { get; init; }

    /// <summary>Bound names over all names, rounded down to four decimals; 1 for a project with no names.</summary>
    public double Share => Names == 0 ? 1 : Math.Floor((Names - Unbound) * 10000.0 / Names) / 10000.0;

    public bool BelowThreshold => Share < Threshold;

    /// <summary>The namespaces whose names did not bind, most unbound names first, with where they come from.</summary>
    public IReadOnlyList<UnboundNamespace> TopUnbound { get; init; } = [];
}

/// <summary>A namespace (from an unbound using directive or qualified name) and the package or framework that provides it.</summary>
public sealed record UnboundNamespace
{
    public required string Namespace { get; init; }

    /// <summary>Unbound names in files that import this namespace, or qualified with it.</summary>
    public required int Names { get; init; }

    /// <summary>The NuGet package or framework that provides the namespace, when known.</summary>
    public string? ProvidedBy { get; init; }
}
