using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL3002: reports use of the ASP.NET cache (System.Web.Caching.Cache members: Insert, Add, Get, the indexer...).</summary>
/// <remarks>
/// The sentinels <c>Cache.NoAbsoluteExpiration</c> and <c>Cache.NoSlidingExpiration</c> are static fields passed as
/// arguments to the very call that is reported; they are not a second finding. <c>HttpRuntime.Cache</c>,
/// <c>Page.Cache</c> and <c>HttpContext.Cache</c> are declared on their owners, so only the member used on the
/// cache is reported. The cache's own metadata (<c>Count</c>, the memory limits) says nothing about what is stored and
/// is never reported. A wrapper type that holds the cache in a field or auto-property (a CacheProvider forwarding each
/// member) is reported once, at that holder, naming the members it uses: the engine's reason chains reach the holder
/// through every wrapper member, so its callers show there rather than as findings of their own.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class SystemWebCacheAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SystemWebCache);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var cacheTypes = KnownSymbols.Types(start.Compilation, "System.Web.Caching.Cache");
            if (cacheTypes.IsEmpty)
            {
                return;
            }

            // Count, EffectivePercentagePhysicalMemoryLimit, EffectivePrivateBytesLimit: every non-indexed property.
            var metadata = cacheTypes.SelectMany(t => t.GetMembers()).OfType<IPropertySymbol>()
                .Where(p => !p.IsIndexer)
                .ToImmutableHashSet<IPropertySymbol>(SymbolEqualityComparer.Default);
            var holders = new ConcurrentDictionary<INamedTypeSymbol, ISymbol?>(SymbolEqualityComparer.Default);
            var wrapperUses = new ConcurrentDictionary<ISymbol, ConcurrentDictionary<string, byte>>(SymbolEqualityComparer.Default);

            ISymbol? HolderOf(INamedTypeSymbol type) => holders.GetOrAdd(type, t => t.GetMembers()
                .Where(m => m is IFieldSymbol { AssociatedSymbol: null } field && field.Type.IsOrInherits(cacheTypes)
                    || m is IPropertySymbol { IsIndexer: false } property && property.Type.IsOrInherits(cacheTypes) && IsAutoProperty(t, property))
                .Where(m => m.Locations.Any(l => l.IsInSource))
                .OrderBy(m => m.Locations[0].SourceSpan.Start)
                .FirstOrDefault());

            MemberUsage.Register(
                start,
                Descriptors.SystemWebCache,
                cacheTypes,
                (operation, member) =>
                {
                    if (member is IFieldSymbol { IsStatic: true } || member is IPropertySymbol property && metadata.Contains(property.OriginalDefinition))
                    {
                        return false;
                    }

                    var owner = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart)?.ContainingType;
                    for (var type = owner; type is not null; type = type.ContainingType)
                    {
                        if (HolderOf(type.OriginalDefinition) is { } holder)
                        {
                            wrapperUses.GetOrAdd(holder, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))
                                .TryAdd(member is IPropertySymbol { IsIndexer: true } ? "this[]" : member.Name, 0);
                            return false;
                        }
                    }

                    return true;
                });

            start.RegisterCompilationEndAction(end =>
            {
                foreach (var pair in wrapperUses.OrderBy(p => p.Key.Locations[0].SourceTree?.FilePath, StringComparer.Ordinal)
                    .ThenBy(p => p.Key.Locations[0].SourceSpan.Start))
                {
                    var holder = pair.Key;
                    var members = string.Join(", ", pair.Value.Keys.OrderBy(k => k, StringComparer.Ordinal));

                    // An auto-property is reached through its accessors: report at the getter so reason chains arrive.
                    var location = holder is IPropertySymbol { GetMethod: { } getter } && getter.Locations.FirstOrDefault(l => l.IsInSource) is { } accessor
                        ? accessor
                        : holder.Locations[0];
                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SystemWebCache,
                        location,
                        ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, holder.QualifiedName()),
                        holder.ShortName() + " (" + members + ")"));
                }
            });
        });
    }

    private static bool IsAutoProperty(INamedTypeSymbol type, IPropertySymbol property) =>
        type.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
}
