using System.Collections.Concurrent;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace StateLens.Tests.Shared;

/// <summary>
/// Reference assemblies for in-memory compilations, shared by the test projects (linked, not referenced):
/// net10.0 + ASP.NET Core from the SDK's own packs (offline), and .NET Framework 4.8 from the reference-assembly package.
/// </summary>
internal static class ReferencePacks
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<MetadataReference>> Cache = new(StringComparer.Ordinal);

    public static IReadOnlyList<MetadataReference> NetCore() => Cache.GetOrAdd("netcore", _ =>
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs");
        return new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }
            .SelectMany(pack => Directory.GetFiles(Path.Combine(HighestVersion(Path.Combine(packs, pack)), "ref", "net10.0"), "*.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    public static IReadOnlyList<MetadataReference> NetFramework(string nugetPackageRoot) => Cache.GetOrAdd("net48", _ =>
    {
        var root = Path.Combine(nugetPackageRoot, "microsoft.netframework.referenceassemblies.net48", "1.0.3", "build", ".NETFramework", "v4.8");
        return Directory.GetFiles(root, "*.dll")
            .Concat(Directory.GetFiles(Path.Combine(root, "Facades"), "netstandard.dll"))
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    /// <summary>The package also holds native shims (System.EnterpriseServices.Thunk.dll) that a compilation rejects.</summary>
    private static bool IsManagedAssembly(string path)
    {
        using var reader = new PEReader(File.OpenRead(path));
        return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
    }

    private static string HighestVersion(string folder) =>
        Directory.GetDirectories(folder)
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0))
            .First();
}
