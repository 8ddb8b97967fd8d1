using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace StateLens.Rules.Shared;

/// <summary>Resolves well-known types once per compilation, by metadata name.</summary>
internal static class KnownSymbols
{
    public static ImmutableHashSet<INamedTypeSymbol> Types(Compilation compilation, params string[] metadataNames)
    {
        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in metadataNames)
        {
            foreach (var type in compilation.GetTypesByMetadataName(name))
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    public static INamedTypeSymbol? Type(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName);

    /// <summary>True when <paramref name="type"/> is, derives from or implements one of <paramref name="candidates"/>.</summary>
    public static bool IsOrInherits(this ITypeSymbol? type, ImmutableHashSet<INamedTypeSymbol> candidates)
    {
        if (type is null || candidates.IsEmpty)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is INamedTypeSymbol named && candidates.Contains(named.OriginalDefinition))
            {
                return true;
            }
        }

        // AllInterfaces is costly on hot paths (every member access in a compilation): only walk it for interface sets.
        if (!ContainsInterface(candidates))
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (candidates.Contains(implemented.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsInterface(ImmutableHashSet<INamedTypeSymbol> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.TypeKind == TypeKind.Interface)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsOrInherits(this ITypeSymbol? type, INamedTypeSymbol? candidate)
    {
        if (type is null || candidate is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidate))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Namespace.Type.Member", the stable form written to the "symbol" property.</summary>
    public static string QualifiedName(this ISymbol symbol)
    {
        var format = SymbolDisplayFormat.CSharpErrorMessageFormat
            .WithMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType)
            .WithParameterOptions(SymbolDisplayParameterOptions.None)
            .WithGenericsOptions(SymbolDisplayGenericsOptions.None);
        return symbol is IPropertySymbol { IsIndexer: true } indexer
            ? indexer.ContainingType.ToDisplayString(format) + ".this[]"
            : symbol.ToDisplayString(format);
    }

    /// <summary>"Type.Member", the short form used in messages.</summary>
    public static string ShortName(this ISymbol symbol)
    {
        if (symbol.ContainingType is { } containing && symbol is not ITypeSymbol)
        {
            var member = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }
                ? containing.Name
                : symbol is IPropertySymbol { IsIndexer: true } ? "this[]" : symbol.Name;
            return containing.Name + "." + member;
        }

        return symbol.Name;
    }
}
