using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL4003: reports hand-rolled singletons (a static field or auto-property of their own type or Lazy of it) with mutable instance state.</summary>
/// <remarks>
/// To keep value objects with static instances (Money.Zero, Color.Red) out, the type must hold exactly one static
/// instance of itself, and either a static member of that type is named like a singleton (Instance, Current,
/// Default) or every constructor is private. Its mutable state comes from <see cref="MutableStateInspector"/>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class StatefulSingletonAnalyzer : DiagnosticAnalyzer
{
    internal const int MaxNamedMembers = 3;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.StatefulSingleton);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var inspector = MutableStateInspector.Register(start);
            var singletons = new ConcurrentBag<(INamedTypeSymbol Type, ISymbol Holder)>();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (SingletonHolder(type, inspector) is { } holder)
                    {
                        singletons.Add((type, holder));
                    }
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var (type, holder) in singletons)
                {
                    var members = inspector.MutableInstanceMembers(type);
                    if (members.IsEmpty)
                    {
                        continue;
                    }

                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.StatefulSingleton,
                        holder.Locations[0],
                        ImmutableDictionary<string, string?>.Empty.Add(FindingProperties.Symbol, type.QualifiedName()),
                        type.Name,
                        string.Join(", ", members.Take(MaxNamedMembers))));
                }
            });
        });
    }

    /// <summary>The one static field or auto-property holding the type's own instance, when the type is a hand-rolled singleton.</summary>
    private static ISymbol? SingletonHolder(INamedTypeSymbol type, MutableStateInspector inspector)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsAbstract || type.IsGenericType)
        {
            return null;
        }

        var holders = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var singletonNamed = false;
        foreach (var member in type.GetMembers().Concat(type.GetTypeMembers().SelectMany(nested => nested.GetMembers())))
        {
            if (!member.IsStatic || member is not (IFieldSymbol { IsConst: false } or IPropertySymbol))
            {
                continue;
            }

            var memberType = member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type;
            if (!IsSelf(memberType, type, inspector.LazyType))
            {
                continue;
            }

            singletonNamed |= HasSingletonName(member.Name);
            if (member is IFieldSymbol field)
            {
                holders.Add(field.AssociatedSymbol is IPropertySymbol autoProperty ? autoProperty : field);
            }
        }

        if (holders.Count != 1)
        {
            return null;
        }

        var privateConstructors = type.InstanceConstructors.All(c => !c.IsImplicitlyDeclared && c.DeclaredAccessibility == Accessibility.Private);
        return singletonNamed || privateConstructors ? holders.First() : null;
    }

    private static bool IsSelf(ITypeSymbol memberType, INamedTypeSymbol type, INamedTypeSymbol? lazy)
    {
        if (memberType is INamedTypeSymbol { IsGenericType: true } generic
            && SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, lazy))
        {
            memberType = generic.TypeArguments[0];
        }

        return SymbolEqualityComparer.Default.Equals(memberType, type);
    }

    private static bool HasSingletonName(string name)
    {
        var trimmed = name.TrimStart('_');
        if (trimmed.StartsWith("m_", StringComparison.Ordinal) || trimmed.StartsWith("s_", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(2);
        }

        return trimmed.IndexOf("instance", StringComparison.OrdinalIgnoreCase) >= 0
            || trimmed.IndexOf("singleton", StringComparison.OrdinalIgnoreCase) >= 0
            || trimmed.Equals("current", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("default", StringComparison.OrdinalIgnoreCase);
    }
}
