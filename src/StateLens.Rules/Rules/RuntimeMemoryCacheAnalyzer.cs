using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL3003: reports use of System.Runtime.Caching.MemoryCache (MemoryCache.Default, new MemoryCache, its members).</summary>
/// <remarks>
/// Members called through a variable typed as the abstract <c>ObjectCache</c> are reported too: in practice the only
/// ObjectCache there is MemoryCache (usually <c>ObjectCache cache = MemoryCache.Default</c>). A receiver statically typed
/// as some other ObjectCache subclass (a hand-written distributed cache) is not reported.
/// <c>MemoryCache.Default</c> is reported only where it is not the receiver of a reported call, so
/// <c>MemoryCache.Default.Get(key)</c> is one finding. Static sentinels (<c>ObjectCache.InfiniteAbsoluteExpiration</c>,
/// <c>ObjectCache.NoSlidingExpiration</c>) are not findings.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class RuntimeMemoryCacheAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RuntimeMemoryCache);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var memoryCache = KnownSymbols.Type(start.Compilation, "System.Runtime.Caching.MemoryCache");
            var objectCache = KnownSymbols.Type(start.Compilation, "System.Runtime.Caching.ObjectCache");
            if (memoryCache is null || objectCache is null)
            {
                return;
            }

            var cacheTypes = ImmutableHashSet.Create<INamedTypeSymbol>(SymbolEqualityComparer.Default, memoryCache, objectCache);
            MemberUsage.Register(
                start,
                Descriptors.RuntimeMemoryCache,
                cacheTypes,
                (operation, member) => IsMemoryCacheUse(operation, member, memoryCache, objectCache));
        });
    }

    private static bool IsMemoryCacheUse(IOperation operation, ISymbol member, INamedTypeSymbol memoryCache, INamedTypeSymbol objectCache)
    {
        if (operation is IObjectCreationOperation)
        {
            return member.ContainingType.IsOrInherits(memoryCache);
        }

        if (member.IsStatic)
        {
            return member is IPropertySymbol { Name: "Default" }
                && SymbolEqualityComparer.Default.Equals(member.ContainingType, memoryCache)
                && !IsReceiverOfCacheMember(operation, memoryCache, objectCache);
        }

        var receiver = Receiver(operation)?.Type;
        return receiver is null
            || receiver.IsOrInherits(memoryCache)
            || SymbolEqualityComparer.Default.Equals(receiver, objectCache);
    }

    private static bool IsReceiverOfCacheMember(IOperation operation, INamedTypeSymbol memoryCache, INamedTypeSymbol objectCache)
    {
        var current = operation;
        var parent = operation.Parent;
        while (parent is IParenthesizedOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        if (parent is IConditionalAccessOperation access && access.Operation == current)
        {
            parent = access.WhenNotNull;
        }

        var outer = parent switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType,
            IPropertyReferenceOperation property => property.Property.ContainingType,
            _ => null,
        };
        return outer is not null && (outer.IsOrInherits(memoryCache) || outer.IsOrInherits(objectCache));
    }

    private static IOperation? Receiver(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.Instance,
        IPropertyReferenceOperation property => property.Instance,
        IMethodReferenceOperation method => method.Instance,
        IEventReferenceOperation @event => @event.Instance,
        IFieldReferenceOperation field => field.Instance,
        _ => null,
    };
}
