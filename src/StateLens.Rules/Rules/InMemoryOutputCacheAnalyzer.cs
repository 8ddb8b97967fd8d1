using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL3005: reports output and response caching kept in process memory (AddOutputCache, AddResponseCaching, [OutputCache], server cacheability).</summary>
/// <remarks>
/// ASP.NET Core: AddResponseCaching() (its store is always in memory) and AddOutputCache() unless the compilation also
/// registers another IOutputCacheStore (AddStackExchangeRedisOutputCache...), decided at compilation end.
/// ASP.NET MVC 5: [OutputCache] on an action or controller and new OutputCacheAttribute {...} global filters, when they
/// cache on the server (Duration &gt; 0 or a CacheProfile, Location not Client/Downstream/None); the common
/// "never cache" form [OutputCache(NoStore = true, Duration = 0)] is not reported.
/// Web Forms: [PartialCaching(duration)] on user controls and HttpCachePolicy(Base).SetCacheability(Server or
/// ServerAndPrivate). HttpCacheability.Public is not reported: it is used for browser and proxy caching.
/// Web API 2: WebApi.OutputCache.V2 [CacheOutput(ServerTimeSpan = n)], whose default store is MemoryCache.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class InMemoryOutputCacheAnalyzer : DiagnosticAnalyzer
{
    /// <summary>OutputCacheLocation.Client, Downstream and None: nothing is cached in the server process.</summary>
    private static readonly ImmutableArray<int> ClientOnlyLocations = ImmutableArray.Create(1, 2, 4);

    /// <summary>HttpCacheability.Server (= ServerAndNoCache) and ServerAndPrivate.</summary>
    private static readonly ImmutableArray<int> ServerCacheability = ImmutableArray.Create(3, 5);

    /// <summary>A value that is set but not a compile-time constant: assume it enables caching.</summary>
    private static readonly object Unknown = new();

    /// <summary>Registrations of a shared output cache store, matched by name when their package is not bound.</summary>
    private static readonly ImmutableArray<string> SharedOutputStores = ImmutableArray.Create(
        "AddStackExchangeRedisOutputCache",
        "AddRedisOutputCache",
        "AddKeyedRedisOutputCache");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InMemoryOutputCache);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var symbols = new Symbols(
                KnownSymbols.Type(compilation, "Microsoft.Extensions.DependencyInjection.OutputCacheServiceCollectionExtensions"),
                KnownSymbols.Type(compilation, "Microsoft.Extensions.DependencyInjection.ResponseCachingServicesExtensions"),
                KnownSymbols.Types(compilation, "Microsoft.AspNetCore.OutputCaching.IOutputCacheStore"),
                KnownSymbols.Types(compilation, "System.Web.HttpCachePolicy", "System.Web.HttpCachePolicyBase"),
                KnownSymbols.Type(compilation, "System.Web.Mvc.OutputCacheAttribute"),
                KnownSymbols.Type(compilation, "System.Web.UI.PartialCachingAttribute"),
                KnownSymbols.Type(compilation, "WebApi.OutputCache.V2.CacheOutputAttribute"));

            if (symbols.MvcOutputCache is not null || symbols.PartialCaching is not null || symbols.WebApiCacheOutput is not null)
            {
                start.RegisterSymbolAction(symbolContext => AnalyzeAttributes(symbolContext, symbols), SymbolKind.NamedType, SymbolKind.Method);
            }

            if (symbols.MvcOutputCache is not null)
            {
                start.RegisterOperationAction(operationContext => AnalyzeFilterCreation(operationContext, symbols.MvcOutputCache), OperationKind.ObjectCreation);
            }

            var outputCaches = new ConcurrentBag<Diagnostic>();
            var sharedStore = new SharedStoreFlag();
            start.RegisterOperationAction(
                operationContext => AnalyzeInvocation(operationContext, symbols, outputCaches, sharedStore),
                OperationKind.Invocation);

            if (symbols.OutputCacheExtensions is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operationContext =>
                {
                    if (!sharedStore.IsSet && CacheRegistrations.UnboundCallNames((IInvalidOperation)operationContext.Operation, SharedOutputStores))
                    {
                        sharedStore.Set();
                    }
                },
                OperationKind.Invalid);

            start.RegisterCompilationEndAction(endContext =>
            {
                if (sharedStore.IsSet)
                {
                    return;
                }

                foreach (var diagnostic in outputCaches)
                {
                    endContext.ReportDiagnostic(diagnostic);
                }
            });
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, Symbols symbols, ConcurrentBag<Diagnostic> outputCaches, SharedStoreFlag sharedStore)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var declaring = method.ContainingType;
        if (method.Name == "AddOutputCache" && SymbolEqualityComparer.Default.Equals(declaring, symbols.OutputCacheExtensions))
        {
            outputCaches.Add(Create(invocation.Syntax.GetLocation(), method));
        }
        else if (method.Name == "AddResponseCaching" && SymbolEqualityComparer.Default.Equals(declaring, symbols.ResponseCachingExtensions))
        {
            context.ReportDiagnostic(Create(invocation.Syntax.GetLocation(), method));
        }
        else if (method.Name == "SetCacheability"
            && declaring.IsOrInherits(symbols.CachePolicies)
            && invocation.Arguments.Length > 0
            && IntValue(invocation.Arguments[0].Value) is { } cacheability
            && ServerCacheability.Contains(cacheability))
        {
            context.ReportDiagnostic(Create(invocation.Syntax.GetLocation(), method));
        }
        else if (symbols.OutputCacheExtensions is not null && !sharedStore.IsSet && IsSharedStoreRegistration(invocation, symbols))
        {
            sharedStore.Set();
        }
    }

    private static bool IsSharedStoreRegistration(IInvocationOperation invocation, Symbols symbols)
    {
        var name = invocation.TargetMethod.Name;
        return (name.StartsWith("Add", StringComparison.Ordinal)
                && name.IndexOf("OutputCache", StringComparison.Ordinal) >= 0
                && name != "AddOutputCache")
            || CacheRegistrations.RegistersService(invocation, symbols.OutputCacheStores, inProcessImplementation: null);
    }

    private static void AnalyzeAttributes(SymbolAnalysisContext context, Symbols symbols)
    {
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null || attribute.ApplicationSyntaxReference is not { } reference)
            {
                continue;
            }

            var caches =
                type.IsOrInherits(symbols.MvcOutputCache) ? CachesOnServer(NamedValues(attribute))
                : type.IsOrInherits(symbols.PartialCaching) ? attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int duration && duration > 0
                : type.IsOrInherits(symbols.WebApiCacheOutput) && CachesOnWebApiServer(type, attribute, symbols.WebApiCacheOutput!);
            if (caches)
            {
                var location = reference.GetSyntax(context.CancellationToken).GetLocation();
                context.ReportDiagnostic(Create(location, context.Symbol));
            }
        }
    }

    private static bool CachesOnWebApiServer(INamedTypeSymbol type, AttributeData attribute, INamedTypeSymbol cacheOutput)
    {
        // Derived attributes (CacheOutputUntil...) set the server time span themselves.
        if (!SymbolEqualityComparer.Default.Equals(type, cacheOutput))
        {
            return true;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "ServerTimeSpan" && argument.Value.Value is int seconds && seconds > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void AnalyzeFilterCreation(OperationAnalysisContext context, INamedTypeSymbol outputCache)
    {
        var creation = (IObjectCreationOperation)context.Operation;

        // Attribute applications surface as object creations too; AnalyzeAttributes reports those.
        if (creation.Parent is IAttributeOperation || creation.Type is not { } type || !type.IsOrInherits(outputCache))
        {
            return;
        }

        var values = new List<KeyValuePair<string, object?>>();
        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    values.Add(new KeyValuePair<string, object?>(property.Property.Name, assignment.Value.ConstantValue.HasValue ? assignment.Value.ConstantValue.Value : Unknown));
                }
            }
        }

        if (CachesOnServer(values))
        {
            context.ReportDiagnostic(Create(creation.Syntax.GetLocation(), creation.Constructor ?? (ISymbol)type));
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> NamedValues(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            yield return new KeyValuePair<string, object?>(argument.Key, argument.Value.Kind == TypedConstantKind.Array ? Unknown : argument.Value.Value);
        }
    }

    /// <summary>MVC 5 OutputCacheAttribute settings: cached on the server when it has a duration or a profile and a server location.</summary>
    private static bool CachesOnServer(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var hasDuration = false;
        foreach (var value in values)
        {
            switch (value.Key)
            {
                case "Duration":
                    hasDuration |= value.Value is not int duration || duration > 0;
                    break;
                case "CacheProfile":
                    hasDuration |= value.Value is not string profile || profile.Length > 0;
                    break;
                case "Location" when value.Value is int location && ClientOnlyLocations.Contains(location):
                    return false;
            }
        }

        return hasDuration;
    }

    private static int? IntValue(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: int value } ? value : null;

    private static Diagnostic Create(Location location, ISymbol symbol) =>
        Diagnostic.Create(
            Descriptors.InMemoryOutputCache,
            location,
            ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, symbol.QualifiedName()),
            symbol.ShortName());

    private sealed class Symbols(
        INamedTypeSymbol? outputCacheExtensions,
        INamedTypeSymbol? responseCachingExtensions,
        ImmutableHashSet<INamedTypeSymbol> outputCacheStores,
        ImmutableHashSet<INamedTypeSymbol> cachePolicies,
        INamedTypeSymbol? mvcOutputCache,
        INamedTypeSymbol? partialCaching,
        INamedTypeSymbol? webApiCacheOutput)
    {
        public INamedTypeSymbol? OutputCacheExtensions { get; } = outputCacheExtensions;

        public INamedTypeSymbol? ResponseCachingExtensions { get; } = responseCachingExtensions;

        public ImmutableHashSet<INamedTypeSymbol> OutputCacheStores { get; } = outputCacheStores;

        public ImmutableHashSet<INamedTypeSymbol> CachePolicies { get; } = cachePolicies;

        public INamedTypeSymbol? MvcOutputCache { get; } = mvcOutputCache;

        public INamedTypeSymbol? PartialCaching { get; } = partialCaching;

        public INamedTypeSymbol? WebApiCacheOutput { get; } = webApiCacheOutput;
    }

    private sealed class SharedStoreFlag
    {
        private int set;

        public bool IsSet => Volatile.Read(ref set) != 0;

        public void Set() => Interlocked.Exchange(ref set, 1);
    }
}
