using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StateLens.Rules.Shared;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Shared;

/// <summary>KnownSymbols asks only the assemblies that declare a name; it must answer exactly as Roslyn's own lookups do.</summary>
public sealed class KnownSymbolsTests
{
    private const string Source = """
        namespace System.Collections.Generic { public class List<T> { } }
        namespace Shop { public class Cart { public class Line { } } }
        """;

    /// <summary>Top-level, generic (arity), nested, source-only, declared twice (source and reference), missing, and a namespace.</summary>
    public static TheoryData<string> Names => new()
    {
        "System.IO.File",
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.List`1",
        "System.Environment+SpecialFolder",
        "Shop.Cart",
        "Shop.Cart+Line",
        "System.Web.HttpContext",
        "System.Web.Mvc.Controller",
        "Nothing.Here`3",
        "System.IO",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryName_ResolvesAsRoslynDoes(string metadataName)
    {
        foreach (var framework in new[] { Framework.NetCore, Framework.NetFramework })
        {
            var compilation = Compilation(framework);

            var expectedAll = compilation.GetTypesByMetadataName(metadataName).ToHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            Assert.True(expectedAll.SetEquals(KnownSymbols.Types(compilation, metadataName)), $"{framework}: Types({metadataName})");
            Assert.True(expectedAll.SetEquals(KnownSymbols.TypesNamed(compilation, metadataName)), $"{framework}: TypesNamed({metadataName})");
            Assert.Equal(compilation.GetTypeByMetadataName(metadataName), KnownSymbols.Type(compilation, metadataName), SymbolEqualityComparer.Default);
        }
    }

    [Fact]
    public void AmbiguousName_FollowsRoslyn_SourceFirst()
    {
        var compilation = Compilation(Framework.NetCore);

        // Declared in the snippet and in System.Collections: both are found, and the single lookup prefers the source one.
        Assert.Equal(2, KnownSymbols.Types(compilation, "System.Collections.Generic.List`1").Count);
        var single = KnownSymbols.Type(compilation, "System.Collections.Generic.List`1");
        Assert.NotNull(single);
        Assert.Equal(compilation.Assembly, single!.ContainingAssembly, SymbolEqualityComparer.Default);
    }

    private static Compilation Compilation(Framework framework) =>
        CSharpCompilation.Create("Snippet", [CSharpSyntaxTree.ParseText(Source)], References.For(framework), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
