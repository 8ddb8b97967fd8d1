using StateLens.Engine.Model;

namespace StateLens.Engine.Estate;

/// <summary>
/// One solution of an estate as the merge receives it: its model when the analysis finished, or why it did not
/// (failed to load, crashed, exceeded its time limit). Failed solutions are listed in the estate, never dropped.
/// </summary>
public sealed record EstateInput
{
    /// <summary>The solution's path relative to the estate root, forward slashes: the application's identity.</summary>
    public required string Solution { get; init; }

    /// <summary>The analysis, or null when it did not finish (see <see cref="Failure"/>).</summary>
    public AnalysisModel? Model { get; init; }

    /// <summary>One line saying why the analysis did not finish; null when <see cref="Model"/> is set.</summary>
    public string? Failure { get; init; }

    /// <summary>The solution's own HTML report relative to the estate output folder (forward slashes), when there is one.</summary>
    public string? Report { get; init; }
}

/// <summary>
/// What a per-solution run leaves instead of statelens.json when the analysis did not finish, so a merge in another
/// job (a CI shard) still lists the solution. Written as JSON by the estate runner, read by `statelens merge`.
/// </summary>
public sealed record SolutionFailure
{
    public const string FileName = "statelens-failure.json";

    /// <summary>The solution's path relative to the estate root, forward slashes.</summary>
    public required string Solution { get; init; }

    /// <summary>One line: "timed out after 600 s", "exit code 3: internal error ...", "failed to load: ...".</summary>
    public required string Reason { get; init; }

    public required string ToolVersion { get; init; }
}
