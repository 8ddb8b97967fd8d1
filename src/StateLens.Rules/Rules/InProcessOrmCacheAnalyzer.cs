using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL3006: reports ORM second-level caches set up with an in-process provider: NHibernate's SysCache, SysCache2,
/// HashtableCache, RtMemoryCache, CoreMemoryCache and Prevalence providers (in hibernate.cfg.xml, a web.config
/// &lt;hibernate-configuration&gt; section, Fluent NHibernate, the loquacious API or Configuration.SetProperty), EF6's EFCache
/// InMemoryCache and EFSecondLevelCache provider, and EF Core's second-level cache interceptor on its memory provider.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class InProcessOrmCacheAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Providers that keep cached entities in the process (Prevalence keeps them in the process and on its disk).</summary>
    private static readonly string[] NHibernateProviders =
    {
        "NHibernate.Caches.SysCache.SysCacheProvider",
        "NHibernate.Caches.SysCache2.SysCacheProvider",
        "NHibernate.Cache.HashtableCacheProvider",
        "NHibernate.Caches.RtMemoryCache.RtMemoryCacheProvider",
        "NHibernate.Caches.CoreMemoryCache.CoreMemoryCacheProvider",
        "NHibernate.Caches.Prevalence.PrevalenceCacheProvider",
    };

    private static readonly string[] EntityFrameworkCaches = { "EFCache.InMemoryCache", "EFSecondLevelCache.EFCacheServiceProvider" };

    /// <summary>
    /// Names distinctive enough to recognise where the provider's package did not bind (an error type): no other library
    /// has a type of these names. EFCache's InMemoryCache is too common a name to trust unbound.
    /// </summary>
    private static readonly ImmutableHashSet<string> UnboundNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "SysCacheProvider", "HashtableCacheProvider", "RtMemoryCacheProvider", "CoreMemoryCacheProvider", "PrevalenceCacheProvider", "EFCacheServiceProvider");

    private static readonly ImmutableHashSet<string> ProviderProperties = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "cache.provider_class", "hibernate.cache.provider_class");

    private static readonly ImmutableHashSet<string> SecondLevelSwitches = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "cache.use_second_level_cache", "hibernate.cache.use_second_level_cache");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InProcessOrmCache);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ConfigDocuments.RegisterConfigFileAction(context, AnalyzeXml, null);
        context.RegisterCompilationStartAction(AnalyzeCode);
    }

    /// <summary>
    /// &lt;property name="cache.provider_class"&gt; in a &lt;session-factory&gt; (hibernate.cfg.xml or web.config), and the
    /// NHibernate 1.x &lt;nhibernate&gt;&lt;add key="hibernate.cache.provider_class" value="..."&gt; form; quiet where the same
    /// factory turns the second-level cache off.
    /// </summary>
    private static void AnalyzeXml(AdditionalFileAnalysisContext context, XmlConfigDocument document)
    {
        foreach (var element in document.Document.Descendants())
        {
            var (key, value) = ConfigDocuments.Is(element, "property") ? (ConfigDocuments.Attribute(element, "name"), element.Value)
                : ConfigDocuments.Is(element, "add") ? (ConfigDocuments.Attribute(element, "key"), ConfigDocuments.Attribute(element, "value"))
                : (null, null);
            if (key is null || !ProviderProperties.Contains(key) || InProcessProvider(value) is not { } provider
                || element.Parent is not { } factory || DisablesSecondLevelCache(factory))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.InProcessOrmCache,
                document.StartTag(element),
                ConfigDocuments.Properties(document.Symbol(element, key), key),
                provider.Substring(provider.LastIndexOf('.') + 1)));
        }
    }

    private static bool DisablesSecondLevelCache(XElement factory) =>
        factory.Elements().Any(setting =>
            (ConfigDocuments.Is(setting, "property") && SecondLevelSwitches.Contains(ConfigDocuments.Attribute(setting, "name") ?? "")
                    && IsFalse(setting.Value))
                || (ConfigDocuments.Is(setting, "add") && SecondLevelSwitches.Contains(ConfigDocuments.Attribute(setting, "key") ?? "")
                    && IsFalse(ConfigDocuments.Attribute(setting, "value"))));

    private static bool IsFalse(string? value) => string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The provider's full type name when <paramref name="typeName"/> (possibly assembly-qualified) names an in-process one.</summary>
    private static string? InProcessProvider(string? typeName)
    {
        var name = typeName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var comma = name!.IndexOf(',');
        var type = (comma < 0 ? name : name.Substring(0, comma)).Trim();
        return NHibernateProviders.FirstOrDefault(p => p.Equals(type, StringComparison.Ordinal));
    }

    private static void AnalyzeCode(CompilationStartAnalysisContext start)
    {
        var providers = KnownSymbols.Types(start.Compilation, NHibernateProviders.Concat(EntityFrameworkCaches).ToArray());
        var cacheableExtension = start.Compilation.GetTypeByMetadataName("EFSecondLevelCache.EFCachedQueryExtension");
        var cacheServiceContract = start.Compilation.GetTypeByMetadataName("EFSecondLevelCache.Contracts.IEFCacheServiceProvider");

        // One finding per place a provider is named, whichever of the actions below sees it first.
        var reported = new ConcurrentDictionary<(SyntaxTree Tree, int Start), byte>();

        void ReportName(OperationAnalysisContext context, IOperation site, ITypeSymbol provider)
        {
            var token = site.Syntax.DescendantTokens().FirstOrDefault(t => t.ValueText == provider.Name);
            var location = token.RawKind == 0 ? site.Syntax.GetLocation() : token.GetLocation();
            if (reported.TryAdd((location.SourceTree!, location.SourceSpan.Start), 0))
            {
                var symbol = provider.TypeKind == TypeKind.Error ? WrittenName(token, provider.Name) : provider.QualifiedName();
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InProcessOrmCache, location, ConfigDocuments.Properties(symbol), provider.Name));
            }
        }

        bool IsProvider(ITypeSymbol? type) =>
            type is not null
            && (type is INamedTypeSymbol named && providers.Contains(named.OriginalDefinition)
                || type.TypeKind == TypeKind.Error && UnboundNames.Contains(type.Name));

        // ProviderClass<SysCacheProvider>() (Fluent NHibernate), Provider<SysCacheProvider>() (loquacious), For<IEFCacheServiceProvider>().Use<EFCacheServiceProvider>().
        start.RegisterOperationAction(
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (method.IsGenericMethod && method.TypeArguments.FirstOrDefault(IsProvider) is { } provider)
                {
                    ReportName(context, invocation, provider);
                }
                else if (UsesDefaultCacheService(method, cacheableExtension, cacheServiceContract))
                {
                    var location = OperationLocations.FromMethodName(invocation);
                    if (reported.TryAdd((location.SourceTree!, location.SourceSpan.Start), 0))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.InProcessOrmCache, location, ConfigDocuments.Properties(method.QualifiedName()), "EFSecondLevelCache default EFCacheServiceProvider (" + method.Name + ")"));
                    }
                }
                else if (method.Name == "UseMemoryCacheProvider"
                    && method.ContainingNamespace?.ToDisplayString().StartsWith("EFCoreSecondLevelCacheInterceptor", StringComparison.Ordinal) == true)
                {
                    var location = OperationLocations.FromMethodName(invocation);
                    if (reported.TryAdd((location.SourceTree!, location.SourceSpan.Start), 0))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.InProcessOrmCache, location, ConfigDocuments.Properties(method.QualifiedName()), "EF Core second-level cache (" + method.Name + ")"));
                    }
                }
            },
            OperationKind.Invocation);

        // SetProperty(Environment.CacheProvider, typeof(SysCacheProvider).AssemblyQualifiedName); new InMemoryCache().
        start.RegisterOperationAction(
            context =>
            {
                var type = context.Operation switch
                {
                    ITypeOfOperation typeOf => typeOf.TypeOperand,
                    IObjectCreationOperation creation => creation.Type,
                    _ => null,
                };
                if (IsProvider(type))
                {
                    ReportName(context, context.Operation, type!);
                }
            },
            OperationKind.TypeOf,
            OperationKind.ObjectCreation);

        // SetProperty("cache.provider_class", "NHibernate.Caches.SysCache.SysCacheProvider, NHibernate.Caches.SysCache").
        start.RegisterOperationAction(
            context =>
            {
                if (context.Operation.ConstantValue is { HasValue: true, Value: string text } && text.Length > 30
                    && text.IndexOf("NHibernate.Cache", StringComparison.Ordinal) >= 0 && InProcessProvider(text) is { } provider)
                {
                    var location = context.Operation.Syntax.GetLocation();
                    if (reported.TryAdd((location.SourceTree!, location.SourceSpan.Start), 0))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.InProcessOrmCache, location, ConfigDocuments.Properties(provider), provider.Substring(provider.LastIndexOf('.') + 1)));
                    }
                }
            },
            OperationKind.Literal);

        // Where NHibernate itself did not bind, cache.Provider<SysCacheProvider>() is an invalid operation: look for the
        // provider's name among its tokens, and report it only where that name did not bind either.
        start.RegisterOperationAction(
            context =>
            {
                var operation = context.Operation;
                for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent.Kind == OperationKind.Invalid)
                    {
                        return;
                    }
                }

                if (operation.SemanticModel is not { } model)
                {
                    return;
                }

                foreach (var token in operation.Syntax.DescendantTokens())
                {
                    if (UnboundNames.Contains(token.ValueText) && token.Parent is { } node
                        && model.GetSymbolInfo(node, context.CancellationToken).Symbol is null
                        && model.GetTypeInfo(node, context.CancellationToken).Type is null or { TypeKind: TypeKind.Error }
                        && reported.TryAdd((token.SyntaxTree!, token.SpanStart), 0))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.InProcessOrmCache, token.GetLocation(), ConfigDocuments.Properties(WrittenName(token, token.ValueText)), token.ValueText));
                    }
                }
            },
            OperationKind.Invalid);
    }

    /// <summary>
    /// EFSecondLevelCache (EF6) <c>query.Cacheable()</c>, <c>Cacheable(policy)</c>, <c>Cacheable(debugInfo)</c> and
    /// <c>Cacheable(policy, debugInfo)</c>: the overloads without an IEFCacheServiceProvider argument cache in the package's
    /// static default, an EFCacheServiceProvider on HttpRuntime.Cache. The overload given a provider is left to that
    /// provider: an EFCacheServiceProvider created for it is reported where it is created, a Redis one is not reported.
    /// </summary>
    private static bool UsesDefaultCacheService(IMethodSymbol method, INamedTypeSymbol? cacheableExtension, INamedTypeSymbol? cacheServiceContract) =>
        method.Name == "Cacheable" && cacheableExtension is not null && cacheServiceContract is not null
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, cacheableExtension)
        && !method.Parameters.Any(p => p.Type.IsOrInherits(cacheServiceContract) || p.Type.AllInterfaces.Contains(cacheServiceContract, SymbolEqualityComparer.Default));

    /// <summary>The name as the code wrote it ("NHibernate.Caches.SysCache2.SysCacheProvider"), for the symbol property of an unbound type.</summary>
    private static string WrittenName(SyntaxToken token, string fallback)
    {
        var node = token.Parent;
        // Up through the qualified name only: a type argument list, typeof or a call ends with its own bracket.
        while (node?.Parent is { } parent && parent.Span.End == node.Span.End)
        {
            node = parent;
        }

        return node?.ToString() ?? fallback;
    }
}
