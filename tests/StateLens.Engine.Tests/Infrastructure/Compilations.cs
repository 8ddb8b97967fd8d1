using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.VisualBasic;
using StateLens.Engine.Decomposition;

namespace StateLens.Engine.Tests.Infrastructure;

/// <summary>The frameworks a snippet can be compiled against.</summary>
public enum Framework
{
    /// <summary>net10.0 with ASP.NET Core, from the SDK's own reference packs (offline, no download).</summary>
    NetCore,

    /// <summary>.NET Framework 4.8 (System.Web, System.ServiceModel, System.ServiceProcess), from the reference-assembly package.</summary>
    NetFramework,
}

/// <summary>In-memory compilations of snippets, for the call-graph builder.</summary>
internal static class Compilations
{
    private static readonly ConcurrentDictionary<Framework, IReadOnlyList<MetadataReference>> Cache = new();

    public static ProjectGraph CSharpGraph(Framework framework, string source, OutputKind output = OutputKind.DynamicallyLinkedLibrary) =>
        CallGraphBuilder.Build("App", CSharp(framework, output, source), CancellationToken.None);

    public static ProjectGraph VisualBasicGraph(string source) =>
        CallGraphBuilder.Build("App", VisualBasic(source), CancellationToken.None);

    public static Compilation CSharp(Framework framework, OutputKind output, params string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            "App",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest), path: $"/src/File{i}.cs")),
            References(framework),
            new CSharpCompilationOptions(output));
        AssertBinds(compilation);
        return compilation;
    }

    public static Compilation VisualBasic(string source)
    {
        var compilation = VisualBasicCompilation.Create(
            "App",
            [VisualBasicSyntaxTree.ParseText(source, path: "/src/File0.vb")],
            References(Framework.NetFramework),
            new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        AssertBinds(compilation);
        return compilation;
    }

    private static void AssertBinds(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static IReadOnlyList<MetadataReference> References(Framework framework) =>
        Cache.GetOrAdd(framework, f => f == Framework.NetCore ? LoadNetCore() : LoadNetFramework());

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
        var packageRoot = typeof(Compilations).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var root = Path.Combine(packageRoot, "microsoft.netframework.referenceassemblies.net48", "1.0.3", "build", ".NETFramework", "v4.8");
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
