using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateLens.Rules.Shared;

/// <summary>
/// Recognises service registrations of a cache or store abstraction (IDistributedCache, ISessionStore,
/// IOutputCacheStore) in startup code, for the rules that decide whether state is kept in process.
/// Used by SL2004 and SL3005.
/// </summary>
internal static class CacheRegistrations
{
    /// <summary>
    /// True when <paramref name="invocation"/> registers one of <paramref name="serviceTypes"/> through a container
    /// method, by type argument or typeof: <c>AddSingleton&lt;IDistributedCache, RedisCache&gt;()</c>,
    /// <c>AddSingleton(typeof(IDistributedCache), ...)</c>, <c>TryAddSingleton</c>,
    /// <c>Replace(ServiceDescriptor.Singleton&lt;...&gt;())</c>, Autofac <c>As&lt;IDistributedCache&gt;()</c>.
    /// A resolution such as <c>GetRequiredService&lt;IDistributedCache&gt;()</c> is not a registration, and neither is
    /// a registration whose implementation is <paramref name="inProcessImplementation"/>.
    /// </summary>
    public static bool RegistersService(
        IInvocationOperation invocation, ImmutableHashSet<INamedTypeSymbol> serviceTypes, INamedTypeSymbol? inProcessImplementation)
    {
        if (serviceTypes.IsEmpty || !IsRegistrationName(invocation.TargetMethod))
        {
            return false;
        }

        var registers = false;
        foreach (var type in MentionedTypes(invocation))
        {
            if (type is not INamedTypeSymbol named)
            {
                continue;
            }

            if (inProcessImplementation is not null && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, inProcessImplementation))
            {
                return false;
            }

            registers |= serviceTypes.Contains(named.OriginalDefinition);
        }

        return registers;
    }

    /// <summary>True when <paramref name="name"/> equals one of <paramref name="names"/> (ordinal).</summary>
    public static bool IsOneOf(string name, ImmutableArray<string> names)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(name, candidate, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For code whose package reference did not resolve (a common case when legacy solutions are loaded
    /// without a restore): true when the unbound expression calls one of <paramref name="names"/>.
    /// Text-based on purpose, because an unbound call has no symbol; it only ever turns a finding off.
    /// </summary>
    public static bool UnboundCallNames(IInvalidOperation operation, ImmutableArray<string> names)
    {
        var text = operation.Syntax.ToString();
        foreach (var name in names)
        {
            var index = text.IndexOf(name, StringComparison.Ordinal);
            if (index > 0 && text[index - 1] == '.' && index + name.Length < text.Length
                && (text[index + name.Length] == '(' || text[index + name.Length] == '<'))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<ITypeSymbol> MentionedTypes(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.TargetMethod.TypeArguments)
        {
            yield return argument;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value is ITypeOfOperation typeOf)
            {
                yield return typeOf.TypeOperand;
            }
        }
    }

    private static bool IsRegistrationName(IMethodSymbol method)
    {
        var name = method.Name;
        return name.StartsWith("Add", StringComparison.Ordinal)
            || name.StartsWith("TryAdd", StringComparison.Ordinal)
            || name.StartsWith("Replace", StringComparison.Ordinal)
            || name.StartsWith("Register", StringComparison.Ordinal)
            || name.Equals("As", StringComparison.Ordinal)
            || method.ContainingType?.Name == "ServiceDescriptor";
    }
}
