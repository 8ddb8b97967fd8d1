using StateLens.Engine.Analysis;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.VisualBasic;
using StateLens.Engine.Decomposition;
using StateLens.Tests.Shared;

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
        framework == Framework.NetCore
            ? ReferencePacks.NetCore()
            : ReferencePacks.NetFramework(typeof(Compilations).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!);
}
