using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.VisualBasic;
using StateLens.Engine.Analysis;
using StateLens.Engine.Model;
using StateLens.Engine.Tests.Infrastructure;
using StateLens.Tests.Shared;

namespace StateLens.Engine.Tests.Analysis;

/// <summary>The binding census: the share of name references that bound, and which namespaces did not.</summary>
public sealed class BindingCensusTests
{
    [Fact]
    public async Task FullyBoundCode_HasCoverageOne()
    {
        var coverage = await CensusAsync(CSharp("""
            using System;
            using System.Collections.Generic;

            public sealed class Cart
            {
                private readonly Dictionary<string, int> items = new();
                public DateTime Touched { get; private set; }
                public void Add(string id) { items[id] = items.GetValueOrDefault(id) + 1; Touched = DateTime.UtcNow; }
            }
            """));

        Assert.True(coverage.Names > 10, $"only {coverage.Names} names counted");
        Assert.Equal(0, coverage.Unbound);
        Assert.Equal(1, coverage.Share);
        Assert.False(coverage.BelowThreshold);
        Assert.Empty(coverage.TopUnbound);
    }

    [Fact]
    public async Task MissingPackageNamespace_IsCountedOnceAndNamesItsPackage()
    {
        var coverage = await CensusAsync(CSharp("""
            using System;
            using System.Web.Mvc;

            public sealed class HomeController : Controller
            {
                public ActionResult Index() { Session["x"] = DateTime.UtcNow; return View(); }
            }
            """));

        Assert.True(coverage.Unbound >= 3, $"{coverage.Unbound} unbound");
        Assert.True(coverage.BelowThreshold);
        var top = Assert.Single(coverage.TopUnbound);
        Assert.Equal("System.Web.Mvc", top.Namespace);
        Assert.Equal("Microsoft.AspNet.Mvc", top.ProvidedBy);
        Assert.Equal(coverage.Unbound - 1, top.Names);
    }

    [Fact]
    public async Task NamesBehindAnUnboundQualifier_AreNotCountedTwice()
    {
        var coverage = await CensusAsync(CSharp("""
            public static class Log
            {
                public static void Write(string m) => log4net.LogManager.GetLogger("x").Info(m);
            }
            """));

        // `log4net` fails; LogManager, GetLogger and Info behind it are not counted again.
        Assert.Equal(1, coverage.Unbound);
    }

    [Fact]
    public async Task QualifiedNameIntoAMissingNamespace_IsAttributedToThatNamespace()
    {
        var coverage = await CensusAsync(CSharp("""
            public sealed class Api : System.Web.Http.ApiController { }
            """));

        Assert.Equal(1, coverage.Unbound);
        Assert.Equal("System.Web.Http", Assert.Single(coverage.TopUnbound).Namespace);
        Assert.Equal("Microsoft.AspNet.WebApi.Core", coverage.TopUnbound[0].ProvidedBy);
    }

    [Fact]
    public async Task DynamicMemberAccess_IsNotUnbound()
    {
        var coverage = await CensusAsync(CSharp("""
            public static class Bag
            {
                public static object Read(dynamic viewBag) => viewBag.Title + viewBag.Items.Count;
            }
            """));

        Assert.Equal(0, coverage.Unbound);
    }

    [Fact]
    public async Task VisualBasicImportOfAMissingNamespace_IsReported()
    {
        var tree = VisualBasicSyntaxTree.ParseText("""
            Imports System
            Imports Newtonsoft.Json

            Public Class Exporter
                Public Function Save(o As Object) As String
                    Return JsonConvert.SerializeObject(o) & DateTime.Now.ToString()
                End Function
            End Class
            """, path: "/src/Exporter.vb");
        var compilation = VisualBasicCompilation.Create("App", [tree], ReferencePacks.NetCore(), new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var coverage = await CensusAsync(compilation);

        Assert.Equal("Newtonsoft.Json", coverage.TopUnbound[0].Namespace);
        Assert.Equal("Newtonsoft.Json", coverage.TopUnbound[0].ProvidedBy);
        Assert.True(coverage.Unbound >= 2);
        Assert.True(coverage.Names > coverage.Unbound);
    }

    private static Compilation CSharp(string source) =>
        CSharpCompilation.Create(
            "App",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest), path: "/src/File0.cs")],
            ReferencePacks.NetCore(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static async Task<BindingCoverage> CensusAsync(Compilation compilation)
    {
        var census = new BindingCensusAnalyzer();
        await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(census)).GetAnalyzerDiagnosticsAsync();
        return census.Result();
    }
}
