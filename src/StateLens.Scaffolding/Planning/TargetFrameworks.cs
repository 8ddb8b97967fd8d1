namespace StateLens.Scaffolding.Planning;

/// <summary>Reads target framework monikers.</summary>
internal static class TargetFrameworks
{
    /// <summary>The newest of a `net10.0;net8.0` list.</summary>
    public static string? Pick(string? targetFrameworks) =>
        targetFrameworks?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .OrderByDescending(t => Version(t) ?? new Version(0, 0))
            .ThenBy(t => t, StringComparer.Ordinal)
            .FirstOrDefault();

    public static bool IsMultiTargeted(string? targetFrameworks) => targetFrameworks?.Contains(';', StringComparison.Ordinal) == true;

    /// <summary>10.0 for net10.0, 3.1 for netcoreapp3.1; null for .NET Framework, .NET Standard and unknown monikers.</summary>
    public static Version? Version(string? tfm)
    {
        if (tfm is null)
        {
            return null;
        }

        var core = tfm.Split('-')[0];
        string? number = null;
        if (core.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase))
        {
            number = core["netcoreapp".Length..];
        }
        else if (core.StartsWith("net", StringComparison.OrdinalIgnoreCase) && core.Contains('.', StringComparison.Ordinal) && !core.StartsWith("netstandard", StringComparison.OrdinalIgnoreCase))
        {
            number = core[3..];
        }

        if (number is null || !System.Version.TryParse(number, out var version))
        {
            return null;
        }

        return core.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase) || version.Major >= 5 ? version : null;
    }

    /// <summary>net48, net472, net4.8 and the like.</summary>
    public static bool IsNetFramework(string? tfm)
    {
        if (tfm is null)
        {
            return false;
        }

        var core = tfm.Split('-')[0];
        return core.StartsWith("net4", StringComparison.OrdinalIgnoreCase) || core.StartsWith("net3", StringComparison.OrdinalIgnoreCase) || core.StartsWith("v4", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"net8.0-windows": Windows-only APIs, no Linux image.</summary>
    public static bool IsWindowsOnly(string? tfm) => tfm?.Contains("-windows", StringComparison.OrdinalIgnoreCase) == true;

    public static string ImageTag(Version version) => version.ToString(2);
}
