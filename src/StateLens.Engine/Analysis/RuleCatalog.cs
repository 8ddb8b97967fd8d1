using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Analysis;

/// <summary>The analyzers of the rules assembly, the very ones the NuGet package ships, and their descriptors.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(() =>
        typeof(RuleIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray());

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics)
            .Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal))
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<RuleInfo> Rules =>
        Descriptors.Select(d => new RuleInfo
        {
            Id = d.Id,
            Title = d.Title.ToString(),
            Category = d.Category,
            DefaultSeverity = d.DefaultSeverity.ToString().ToLowerInvariant(),
            Description = d.Description.ToString(),
            HelpUri = d.HelpLinkUri,
            Remedy = RuleCatalogue.Get(d.Id).Remedy,
            PinsToHost = RuleCatalogue.Get(d.Id).PinsToHost,
        }).ToList();
}
