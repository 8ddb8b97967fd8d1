using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Meta;

/// <summary>The rule catalogue is the one place per-rule knowledge lives: every rule has an entry, nothing else switches on rule IDs.</summary>
public sealed partial class RuleCatalogueTests
{
    private static readonly string Root = References.AssemblyMetadata("RepositoryRoot");

    [Fact]
    public void EveryReportedRule_HasACatalogueEntry_WithAdvice()
    {
        var reported = typeof(RuleIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(d => d.Id)
            .Where(id => id.StartsWith("SL", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var missing = reported.Where(id => !RuleCatalogue.TryGet(id, out _)).ToList();
        Assert.True(missing.Count == 0, "no catalogue entry for " + string.Join(", ", missing));
        Assert.Equal(reported, RuleCatalogue.All.Select(e => e.Id));
        Assert.All(RuleCatalogue.All, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Guidance.ContainerAdvice), entry.Id);
            Assert.Same(entry.Descriptor, RuleCatalogue.Get(entry.Id).Descriptor);
        });
    }

    [Fact]
    public void UnknownRule_HasNoDefaultEntry()
    {
        Assert.False(RuleCatalogue.TryGet("SL9999", out _));
        Assert.Throws<KeyNotFoundException>(() => RuleCatalogue.Get("SL9999"));
    }

    [Fact]
    public void EveryRemedy_IsExplained()
    {
        Assert.All(Enum.GetValues<Remedy>(), remedy => Assert.False(string.IsNullOrWhiteSpace(RuleCatalogue.Explain(remedy))));
    }

    [Fact]
    public void HostPinningRules_AreTheOtherBlockersAndMachinePaths()
    {
        var pinned = RuleCatalogue.All.Where(e => e.PinsToHost).Select(e => e.Id).ToList();

        Assert.Equal(["SL5003", "SL6001", "SL6002", "SL6003", "SL6004", "SL6005", "SL6008", "SL6009"], pinned);
    }

    /// <summary>Rule IDs as string literals in a switch arm or pattern ("SL2001" =>, "SL2001" or) outside the catalogue.</summary>
    [Fact]
    public void NoPerRuleSwitch_OutsideTheCatalogue()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Root, f), Line: i + 1, Text: line)))
            .Where(l => RuleIdArm().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "per-rule switch outside the catalogue:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex("\"SL\\d{4}\"\\s*(=>|or\\b|:)|case\\s+\"SL\\d{4}\"|is\\s+\"SL\\d{4}\"")]
    private static partial Regex RuleIdArm();
}
