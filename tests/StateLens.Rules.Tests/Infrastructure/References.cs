using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;

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
    private static readonly ConcurrentDictionary<Framework, IReadOnlyList<MetadataReference>> Cache = new();

    public static IReadOnlyList<MetadataReference> For(Framework framework) =>
        Cache.GetOrAdd(framework, f => f == Framework.NetCore ? LoadNetCore() : LoadNetFramework());

    public static string AssemblyMetadata(string key) =>
        typeof(References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");

    private static IReadOnlyList<MetadataReference> LoadNetCore()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs");
        return new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }
            .SelectMany(pack => Directory.GetFiles(Path.Combine(HighestVersion(Path.Combine(packs, pack)), "ref", "net10.0"), "*.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static IReadOnlyList<MetadataReference> LoadNetFramework()
    {
        var root = Path.Combine(AssemblyMetadata("NuGetPackageRoot"), "microsoft.netframework.referenceassemblies.net48", "1.0.3", "build", ".NETFramework", "v4.8");
        return Directory.GetFiles(root, "*.dll")
            .Concat(Directory.GetFiles(Path.Combine(root, "Facades"), "netstandard.dll"))
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static bool IsManagedAssembly(string path)
    {
        using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
        return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
    }

    private static string HighestVersion(string folder) =>
        Directory.GetDirectories(folder)
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0))
            .First();
}
