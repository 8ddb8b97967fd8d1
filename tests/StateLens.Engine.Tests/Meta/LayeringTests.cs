using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StateLens.Engine.Tests.Meta;

/// <summary>
/// The code follows the data flow: Loading → Analysis → Decomposition → Model, the estate merge reads only models, and
/// the writers (Reporting, Scaffolding) read only the model and the rule catalogue (Reporting also the estate model). A
/// reference against the flow fails here.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>For each layer, the StateLens namespaces its code may name (besides its own and the Engine root's shared types).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["StateLens.Rules"] = [],
        ["StateLens.Engine.Model"] = ["StateLens.Rules"],
        ["StateLens.Engine.Loading"] = ["StateLens.Engine.Model"],
        ["StateLens.Engine.Analysis"] = ["StateLens.Engine.Loading", "StateLens.Engine.Model", "StateLens.Rules"],
        ["StateLens.Engine.Decomposition"] = ["StateLens.Engine.Analysis", "StateLens.Engine.Model", "StateLens.Rules"],
        ["StateLens.Engine.Estate"] = ["StateLens.Engine.Model", "StateLens.Rules"],
        ["StateLens.Reporting"] = ["StateLens.Engine.Estate", "StateLens.Engine.Model", "StateLens.Rules"],
        ["StateLens.Scaffolding"] = ["StateLens.Engine.Model", "StateLens.Rules"],
    };

    private static readonly string[] Layers = [.. Allowed.Keys, "StateLens.Engine", "StateLens.Cli"];

    [Fact]
    public void NoLayer_NamesALayerDownstreamOfIt()
    {
        var violations = new List<string>();
        var source = Path.Combine(RepositoryRoot(), "src");
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(source, f)).Order(StringComparer.Ordinal))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetCompilationUnitRoot();
            if (root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() is not { } ns
                || LayerOf(ns) is not { } layer || !Allowed.TryGetValue(layer, out var allowed))
            {
                continue;
            }

            foreach (var named in NamedNamespaces(root, ns))
            {
                if (LayerOf(named) is { } target && target != layer && target != "StateLens.Engine" && !allowed.Contains(target))
                {
                    violations.Add($"{Path.GetRelativePath(source, file)} ({layer}) names {named}");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    [Fact]
    public void TheCheck_SeesAReferenceAgainstTheFlow()
    {
        var root = CSharpSyntaxTree.ParseText("""
            using StateLens.Engine.Decomposition;
            namespace StateLens.Engine.Loading;
            class X { void M() => Analysis.ProjectKinds.Classify(null, null); }
            """).GetCompilationUnitRoot();

        var named = NamedNamespaces(root, "StateLens.Engine.Loading").Select(LayerOf).ToList();

        Assert.Contains("StateLens.Engine.Decomposition", named);
        Assert.Contains("StateLens.Engine.Analysis", named);
    }

    /// <summary>Namespaces named in using directives and in qualified names (also those relative to the enclosing namespace).</summary>
    private static IEnumerable<string> NamedNamespaces(CompilationUnitSyntax root, string ns)
    {
        foreach (var usingDirective in root.Usings.Where(u => u.Name is not null))
        {
            yield return usingDirective.Name!.ToString();
        }

        var parent = ns.StartsWith("StateLens.Engine", StringComparison.Ordinal) ? "StateLens.Engine" : "StateLens";
        foreach (var node in root.DescendantNodes().Where(n => n is QualifiedNameSyntax or MemberAccessExpressionSyntax && n.Parent is not (QualifiedNameSyntax or MemberAccessExpressionSyntax)))
        {
            var text = node.ToString().Replace(" ", string.Empty, StringComparison.Ordinal);
            if (text.StartsWith("StateLens.", StringComparison.Ordinal) || text.StartsWith("global::StateLens.", StringComparison.Ordinal))
            {
                yield return text.Replace("global::", string.Empty, StringComparison.Ordinal);
            }
            else if (Layers.FirstOrDefault(l => l.StartsWith(parent + ".", StringComparison.Ordinal) && text.StartsWith(l[(parent.Length + 1)..] + ".", StringComparison.Ordinal)) is { } relative)
            {
                yield return relative;
            }
        }
    }

    private static string? LayerOf(string name) =>
        Layers.Where(l => name == l || name.StartsWith(l + ".", StringComparison.Ordinal)).OrderByDescending(l => l.Length).FirstOrDefault();

    private static bool IsBuildOutput(string source, string file) =>
        Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Analyzer.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Analyzer.sln not found above " + AppContext.BaseDirectory);
    }
}
