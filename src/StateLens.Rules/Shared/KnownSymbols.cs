using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace StateLens.Rules.Shared;

/// <summary>Resolves well-known types once per compilation, by metadata name.</summary>
internal static class KnownSymbols
{
    /// <summary>Every type with this metadata name: the compilation's own and each referenced assembly's.</summary>
    public static ImmutableHashSet<INamedTypeSymbol> Types(Compilation compilation, params string[] metadataNames)
    {
        var lookup = TypeLookup.For(compilation);
        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in metadataNames)
        {
            builder.UnionWith(lookup.All(name));
        }

        return builder.ToImmutable();
    }

    /// <summary>As <see cref="Compilation.GetTypeByMetadataName(string)"/>: the one type with this name, or null when there is none or it is ambiguous.</summary>
    public static INamedTypeSymbol? Type(Compilation compilation, string metadataName) =>
        TypeLookup.For(compilation).One(metadataName);

    /// <summary>As <see cref="Types"/> for one name, in the order Roslyn searches: the compilation's own assembly first.</summary>
    public static IReadOnlyList<INamedTypeSymbol> TypesNamed(Compilation compilation, string metadataName) =>
        TypeLookup.For(compilation).All(metadataName);

    /// <summary>
    /// Type lookups shared by every rule that runs on one compilation. Roslyn answers a metadata-name lookup by asking each
    /// referenced assembly in turn (a .NET project has about 190), which made resolving the rules' few hundred names a
    /// tenth of the analysis time; this asks only the assemblies that declare a top-level type of that simple name.
    /// </summary>
    private sealed class TypeLookup
    {
        private static readonly ConditionalWeakTable<Compilation, TypeLookup> ByCompilation = new();

        private readonly Compilation compilation;
        private readonly ImmutableArray<IAssemblySymbol> assemblies;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol[]> found = new(StringComparer.Ordinal);
        private readonly Func<string, INamedTypeSymbol[]> find;

        private TypeLookup(Compilation compilation)
        {
            this.compilation = compilation;
            find = Find;
            var builder = ImmutableArray.CreateBuilder<IAssemblySymbol>();
            builder.Add(compilation.Assembly);
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
                {
                    builder.Add(assembly);
                }
            }

            assemblies = builder.ToImmutable();
        }

        public static TypeLookup For(Compilation compilation) => ByCompilation.GetValue(compilation, c => new TypeLookup(c));

        public IReadOnlyList<INamedTypeSymbol> All(string metadataName) => found.GetOrAdd(metadataName, find);

        public INamedTypeSymbol? One(string metadataName)
        {
            var all = All(metadataName);
            return all.Count switch
            {
                0 => null,
                1 => all[0],

                // Several assemblies declare it: Roslyn's own rules (source first, then ambiguity) decide.
                _ => compilation.GetTypeByMetadataName(metadataName),
            };
        }

        private INamedTypeSymbol[] Find(string metadataName)
        {
            var topLevel = metadataName.IndexOf('+') is var plus and >= 0 ? metadataName.Substring(0, plus) : metadataName;
            var simpleName = topLevel.Substring(topLevel.LastIndexOf('.') + 1);
            var withoutArity = simpleName.IndexOf('`') is var tick and >= 0 ? simpleName.Substring(0, tick) : simpleName;
            var builder = new List<INamedTypeSymbol>(1);
            var seen = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
            foreach (var assembly in assemblies)
            {
                var names = assembly.TypeNames;
                if ((names.Contains(withoutArity) || names.Contains(simpleName))
                    && seen.Add(assembly)
                    && assembly.GetTypeByMetadataName(metadataName) is { } type)
                {
                    builder.Add(type);
                }
            }

            return builder.ToArray();
        }
    }

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

    /// <summary>Whether a set holds an interface, decided once per set: enumerating an immutable set on every call was a hot spot.</summary>
    private static readonly ConditionalWeakTable<ImmutableHashSet<INamedTypeSymbol>, object> SetsWithInterfaces = new();

    private static readonly object HasInterface = true;
    private static readonly object HasNoInterface = false;

    private static bool ContainsInterface(ImmutableHashSet<INamedTypeSymbol> candidates) =>
        SetsWithInterfaces.GetValue(candidates, set => set.Any(candidate => candidate.TypeKind == TypeKind.Interface) ? HasInterface : HasNoInterface) == HasInterface;

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
