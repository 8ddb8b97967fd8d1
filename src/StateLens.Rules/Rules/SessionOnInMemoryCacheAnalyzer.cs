using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL2004: reports AddSession() in a compilation that registers no shared (out-of-process) distributed cache.</summary>
/// <remarks>
/// Compilation-wide: every AddSession call is collected, and any registration of a real distributed cache
/// (AddStackExchangeRedisCache, AddDistributedSqlServerCache, AddCosmosCache, AddXxxDistributedCache, a
/// registration of IDistributedCache or a custom ISessionStore by type argument or typeof) turns the rule off.
/// AddSession with no cache registration at all is reported too: the MVC view services register
/// AddDistributedMemoryCache themselves, and without them session fails at startup, so the cache the session
/// gets is the in-memory one unless the registration happens in another project (then suppress, see the doc page).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class SessionOnInMemoryCacheAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Extension methods of the distributed-cache packages that register an out-of-process IDistributedCache.</summary>
    private static readonly ImmutableArray<string> SharedCacheRegistrations = ImmutableArray.Create(
        "AddStackExchangeRedisCache",
        "AddDistributedRedisCache",
        "AddRedisDistributedCache",
        "AddKeyedRedisDistributedCache",
        "AddDistributedSqlServerCache",
        "AddCosmosCache",
        "AddNCacheDistributedCache",
        "AddDistributedMySqlCache",
        "AddDistributedPostgreSqlCache",
        "AddDistributedCouchbaseCache",
        "AddMongoDbCache",
        "AddEnyimMemcached",
        "AddSqliteCache");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SessionOnInMemoryCache);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var sessionExtensions = KnownSymbols.Type(start.Compilation, "Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions");
            if (sessionExtensions is null)
            {
                return;
            }

            var memoryDistributedCache = KnownSymbols.Type(start.Compilation, "Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache");
            var storeTypes = KnownSymbols.Types(
                start.Compilation,
                "Microsoft.Extensions.Caching.Distributed.IDistributedCache",
                "Microsoft.AspNetCore.Session.ISessionStore");
            var state = new CompilationState();

            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    if (method.Name == "AddSession" && SymbolEqualityComparer.Default.Equals(method.ContainingType, sessionExtensions))
                    {
                        state.Sessions.Add((invocation.Syntax.GetLocation(), method.QualifiedName(), method.ShortName()));
                    }
                    else if (IsSharedCacheRegistration(invocation, storeTypes, memoryDistributedCache))
                    {
                        state.MarkSharedCache();
                    }
                },
                OperationKind.Invocation);

            start.RegisterOperationAction(
                operationContext =>
                {
                    if (!state.HasSharedCache
                        && CacheRegistrations.UnboundCallNames((IInvalidOperation)operationContext.Operation, SharedCacheRegistrations))
                    {
                        state.MarkSharedCache();
                    }
                },
                OperationKind.Invalid);

            start.RegisterCompilationEndAction(endContext =>
            {
                if (state.HasSharedCache)
                {
                    return;
                }

                foreach (var (location, symbol, shortName) in state.Sessions)
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SessionOnInMemoryCache,
                        location,
                        ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, symbol),
                        shortName));
                }
            });
        });
    }

    private static bool IsSharedCacheRegistration(
        IInvocationOperation invocation, ImmutableHashSet<INamedTypeSymbol> storeTypes, INamedTypeSymbol? memoryDistributedCache)
    {
        var name = invocation.TargetMethod.Name;
        if (CacheRegistrations.IsOneOf(name, SharedCacheRegistrations))
        {
            return true;
        }

        // Provider packages not listed above follow the AddXxxDistributedCache naming; the in-memory one is the exception.
        if (name.StartsWith("Add", StringComparison.Ordinal)
            && name.IndexOf("Distributed", StringComparison.Ordinal) >= 0
            && name.EndsWith("Cache", StringComparison.Ordinal)
            && name != "AddDistributedMemoryCache")
        {
            return true;
        }

        return CacheRegistrations.RegistersService(invocation, storeTypes, memoryDistributedCache);
    }

    private sealed class CompilationState
    {
        private int sharedCache;

        public ConcurrentBag<(Location Location, string Symbol, string ShortName)> Sessions { get; } = new();

        public bool HasSharedCache => Volatile.Read(ref sharedCache) != 0;

        public void MarkSharedCache() => Interlocked.Exchange(ref sharedCache, 1);
    }
}
