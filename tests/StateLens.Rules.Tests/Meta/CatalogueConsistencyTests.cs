using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Meta;

/// <summary>Keeps rule IDs, descriptors, analyzers, doc pages, tests, release tracking and README in step.</summary>
public sealed class CatalogueConsistencyTests
{
    private static readonly string Root = References.AssemblyMetadata("RepositoryRoot");

    private static IReadOnlyList<string> RuleIds() =>
        typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private static IReadOnlyList<DiagnosticDescriptor> DescriptorList() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static IReadOnlyList<DiagnosticAnalyzer> Analyzers() =>
        typeof(RuleIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

    [Fact]
    public void EveryRuleId_HasExactlyOneDescriptor()
    {
        var ids = RuleIds();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.OrderBy(i => i), DescriptorList().Select(d => d.Id).OrderBy(i => i));
    }

    [Fact]
    public void Descriptors_UseKnownCategoriesAndLinkToTheirPage()
    {
        foreach (var descriptor in DescriptorList())
        {
            Assert.Contains(descriptor.Category, StateCategories.All);
            Assert.EndsWith("docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(descriptor.DefaultSeverity is DiagnosticSeverity.Warning or DiagnosticSeverity.Info, descriptor.Id);
        }
    }

    [Fact]
    public void EveryDescriptor_IsReportedBySomeAnalyzer()
    {
        var supported = Analyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var unreported = RuleIds().Where(id => !supported.Contains(id)).ToList();
        Assert.True(unreported.Count == 0, "no analyzer reports " + string.Join(", ", unreported));
    }

    [Fact]
    public void EveryRule_HasADocPageNamingItsAnalyzer()
    {
        foreach (var analyzer in Analyzers())
        {
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                var page = Path.Combine(Root, "docs", "rules", descriptor.Id + ".md");
                Assert.True(File.Exists(page), $"{page} is missing");
                var text = File.ReadAllText(page);
                Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", text);
                Assert.Contains(analyzer.GetType().Name, text);
                Assert.Contains("## How to fix", text);
                Assert.Contains("## Suppression", text);
            }
        }
    }

    [Fact]
    public void EveryRule_HasATestClass()
    {
        var testClasses = typeof(CatalogueConsistencyTests).Assembly.GetTypes().Select(t => t.Name).ToList();
        var untested = RuleIds().Where(id => !testClasses.Any(name => name.StartsWith(id, StringComparison.Ordinal) && name.EndsWith("Tests", StringComparison.Ordinal))).ToList();
        Assert.True(untested.Count == 0, "no test class for " + string.Join(", ", untested));
    }

    [Fact]
    public void ReadmeRuleTable_MatchesDescriptors()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var rows = Regex.Matches(readme, @"^\| \[(SL\d{4})\]\(docs/rules/SL\d{4}\.md\) \| ([\w-]+) \| (\w+) \| (.+?) \|$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (Category: m.Groups[2].Value, Severity: m.Groups[3].Value, Title: m.Groups[4].Value));
        foreach (var descriptor in DescriptorList())
        {
            Assert.True(rows.TryGetValue(descriptor.Id, out var row), $"README lacks {descriptor.Id}");
            Assert.Equal(descriptor.Category, row.Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
            Assert.Equal(descriptor.Title.ToString(), row.Title);
        }

        Assert.Equal(DescriptorList().Count, rows.Count);
    }

    [Fact]
    public void ReleaseTracking_ListsEveryRule()
    {
        var unshipped = File.ReadAllText(Path.Combine(Root, "src", "StateLens.Rules", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in DescriptorList())
        {
            Assert.Matches(new Regex($@"^{descriptor.Id} \| {Regex.Escape(descriptor.Category)} \| {descriptor.DefaultSeverity} \|", RegexOptions.Multiline), unshipped);
        }
    }
}
