using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL6009: reports the entry points of Windows-only APIs a Linux image cannot run: System.DirectoryServices (Active
/// Directory), WMI (System.Management), performance counters, the service control manager, COM activation by ProgID or
/// CLSID, and GDI+ images from System.Drawing.Common 6 or later.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class WindowsOnlyApiAnalyzer : DiagnosticAnalyzer
{
    private const string DirectoryServices = "Active Directory through System.DirectoryServices";
    private const string Com = "COM activation";
    private const string Gdi = "GDI+ through System.Drawing.Common, which throws on Linux since .NET 6";
    private const string Wmi = "WMI through System.Management";
    private const string PerformanceCounters = "Windows performance counters";
    private const string Services = "the Windows service control manager";

    private static readonly ImmutableHashSet<string> ComActivators = ImmutableHashSet.Create("GetTypeFromProgID", "GetTypeFromCLSID");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WindowsOnlyApi);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var systemType = KnownSymbols.Type(start.Compilation, "System.Type");
            var marshal = KnownSymbols.Type(start.Compilation, "System.Runtime.InteropServices.Marshal");
            var interaction = KnownSymbols.Type(start.Compilation, "Microsoft.VisualBasic.Interaction");
            // On .NET Framework System.Drawing is part of Windows-only .NET anyway; from System.Drawing.Common 6 on .NET it
            // throws PlatformNotSupportedException on Linux. Color, Point and Rectangle (System.Drawing.Primitives) work everywhere.
            var image = KnownSymbols.Type(start.Compilation, "System.Drawing.Image");
            var graphics = KnownSymbols.Type(start.Compilation, "System.Drawing.Graphics");
            var icon = KnownSymbols.Type(start.Compilation, "System.Drawing.Icon");
            var performanceCounterTypes = KnownSymbols.Types(start.Compilation, "System.Diagnostics.PerformanceCounter", "System.Diagnostics.PerformanceCounterCategory");
            var serviceController = KnownSymbols.Type(start.Compilation, "System.ServiceProcess.ServiceController");
            var gdiOnNet = image is not null && image.ContainingAssembly.Name == "System.Drawing.Common" && image.ContainingAssembly.Identity.Version.Major >= 6;

            // Static calls are everywhere: each containing type is judged once per compilation.
            var platforms = new ConcurrentDictionary<INamedTypeSymbol, string?>(SymbolEqualityComparer.Default);
            Func<INamedTypeSymbol, string?> judge = Judge;
            string? Platform(INamedTypeSymbol? type) => type is null ? null : platforms.GetOrAdd(type.OriginalDefinition, judge);

            string? Judge(INamedTypeSymbol type) =>
                IsInNamespace(type, "System.DirectoryServices") && !IsInNamespace(type, "System.DirectoryServices.Protocols") ? DirectoryServices
                : IsInNamespace(type, "System.Management") ? Wmi
                : performanceCounterTypes.Contains(type) ? PerformanceCounters
                : SymbolEqualityComparer.Default.Equals(type, serviceController) ? Services
                : IsGdi(type) ? Gdi
                : null;

            bool IsGdi(INamedTypeSymbol? type) =>
                gdiOnNet && type is not null && (type.IsOrInherits(image) || SymbolEqualityComparer.Default.Equals(type, graphics) || SymbolEqualityComparer.Default.Equals(type, icon));

            start.RegisterOperationAction(
                context =>
                {
                    var creation = (IObjectCreationOperation)context.Operation;
                    if (creation.Type is not INamedTypeSymbol type)
                    {
                        return;
                    }

                    var what = Platform(type);
                    if (what is not null)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.WindowsOnlyApi, creation.Syntax.GetLocation(), ConfigDocuments.Properties(type.QualifiedName()), "new " + type.Name, what));
                    }
                },
                OperationKind.ObjectCreation);

            start.RegisterOperationAction(
                context =>
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    var method = invocation.TargetMethod;
                    if (!method.IsStatic)
                    {
                        return;
                    }

                    var containing = method.ContainingType;
                    var what = Platform(containing);
                    if (what is null && ((ComActivators.Contains(method.Name) && SymbolEqualityComparer.Default.Equals(containing, systemType))
                        || (method.Name == "GetActiveObject" && SymbolEqualityComparer.Default.Equals(containing, marshal))
                        || (method.Name is "CreateObject" or "GetObject" && SymbolEqualityComparer.Default.Equals(containing, interaction))))
                    {
                        what = Com;
                    }

                    if (what is not null)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.WindowsOnlyApi, invocation.Syntax.GetLocation(), ConfigDocuments.Properties(method.QualifiedName()), method.ShortName(), what));
                    }
                },
                OperationKind.Invocation);
        });
    }

    /// <summary>The type is declared in <paramref name="prefix"/> or one of its sub-namespaces.</summary>
    private static bool IsInNamespace(INamedTypeSymbol type, string prefix)
    {
        var ns = type.ContainingNamespace?.ToDisplayString();
        return ns is not null && ns.StartsWith(prefix, StringComparison.Ordinal)
            && (ns.Length == prefix.Length || ns[prefix.Length] == '.');
    }
}
