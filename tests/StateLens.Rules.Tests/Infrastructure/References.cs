using System.Reflection;
using Microsoft.CodeAnalysis;
using StateLens.Tests.Shared;

namespace StateLens.Rules.Tests.Infrastructure;

/// <summary>The frameworks a snippet can be compiled against.</summary>
public enum Framework
{
    /// <summary>net10.0 with ASP.NET Core, from the SDK's own reference packs (offline, no download).</summary>
    NetCore,

    /// <summary>.NET Framework 4.8 (System.Web, System.Runtime.Caching, System.Messaging...), from the reference-assembly package.</summary>
    NetFramework,
}

internal static class References
{
    public static IReadOnlyList<MetadataReference> For(Framework framework) =>
        framework == Framework.NetCore ? ReferencePacks.NetCore() : ReferencePacks.NetFramework(AssemblyMetadata("NuGetPackageRoot"));

    public static string AssemblyMetadata(string key) =>
        typeof(References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
