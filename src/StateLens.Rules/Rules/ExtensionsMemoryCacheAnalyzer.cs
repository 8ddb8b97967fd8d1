using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL3004: reports use of Microsoft.Extensions.Caching.Memory (IMemoryCache members, CacheExtensions, new MemoryCache).</summary>
/// <remarks>
/// ICacheEntry and MemoryCacheEntryOptions members (expiration settings inside a GetOrCreate factory) belong to the
/// reported call and are not findings of their own; AddMemoryCache() only registers the service.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class ExtensionsMemoryCacheAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ExtensionsMemoryCache);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var cacheTypes = KnownSymbols.Types(
                start.Compilation,
                "Microsoft.Extensions.Caching.Memory.IMemoryCache",
                "Microsoft.Extensions.Caching.Memory.CacheExtensions");
            MemberUsage.Register(start, Descriptors.ExtensionsMemoryCache, cacheTypes);
        });
    }
}
