namespace StateLens.Engine;

/// <summary>What the user asked for on the command line, as the engine needs it.</summary>
public sealed record AnalysisOptions
{
    public required string InputPath { get; init; }

    /// <summary>Scratch work (framework reference download) goes under this folder and nowhere else.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Global MSBuild properties from --property NAME=VALUE.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Run `dotnet restore` when SDK-style projects have never been restored.</summary>
    public bool Restore { get; init; } = true;

    /// <summary>The longest restore may take in all; a feed that never answers cannot hold the run longer.</summary>
    public TimeSpan RestoreTimeout { get; init; } = DefaultRestoreTimeout;

    public static TimeSpan DefaultRestoreTimeout { get; } = TimeSpan.FromSeconds(180);

    public bool IncludeTimestamp { get; init; }

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>Progress events for the console: a phase, and within "analyze" one event per finished project.</summary>
public sealed record AnalysisProgress(string Phase, string Message, int Done, int Total);

/// <summary>Wall-clock time per phase, for the benchmark harness.</summary>
public sealed class PhaseTimings
{
    /// <summary>Prefix of the per-analyzer entries, which <see cref="PerAnalyzer"/> adds next to the phases.</summary>
    public const string AnalyzerPrefix = "analyzer ";

    private readonly Dictionary<string, TimeSpan> phases = new(StringComparer.Ordinal);

    /// <summary>
    /// Also time each analyzer (Roslyn's execution-time telemetry, summed over projects). The logging itself costs
    /// time, so a run that measures the whole must leave it off.
    /// </summary>
    public bool PerAnalyzer { get; init; }

    public IReadOnlyDictionary<string, TimeSpan> Phases => phases;

    public void Add(string phase, TimeSpan elapsed)
    {
        lock (phases)
        {
            phases[phase] = phases.GetValueOrDefault(phase) + elapsed;
        }
    }
}
