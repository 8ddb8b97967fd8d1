namespace StateLens.Tests.Shared.Ci;

/// <summary>
/// Tests that need a tool from outside the .NET SDK (Chromium, podman, the npm validators, the SARIF multitool).
/// On a developer machine a missing tool skips the test with the command that installs it; under CI (CI=true) the
/// tool is part of the contract (.ci/run installs it), so a missing tool fails the test instead of turning the run green.
/// </summary>
internal static class Requirement
{
    public static bool UnderCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>Skips (locally) or fails (under CI) when <paramref name="missingReason"/> is not null.</summary>
    public static void Tool(string? missingReason)
    {
        if (missingReason is null)
        {
            return;
        }

        if (UnderCi)
        {
            throw new Xunit.Sdk.XunitException($"required under CI=true, but {missingReason}");
        }

        throw new Xunit.SkipException(missingReason);
    }

    public static void Tool(bool available, string reason) => Tool(available ? null : reason);
}
