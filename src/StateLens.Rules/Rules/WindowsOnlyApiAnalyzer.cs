using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL6009: reports the entry points of Windows-only APIs a Linux image cannot run: System.DirectoryServices (Active
/// Directory), COM activation by ProgID or CLSID, and GDI+ images from System.Drawing.Common 6 or later.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class WindowsOnlyApiAnalyzer : DiagnosticAnalyzer
{
    private const string DirectoryServices = "Active Directory through System.DirectoryServices";
    private const string Com = "COM activation";
    private const string Gdi = "GDI+ through System.Drawing.Common, which throws on Linux since .NET 6";

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
            var gdiOnNet = image is not null && image.ContainingAssembly.Name == "System.Drawing.Common" && image.ContainingAssembly.Identity.Version.Major >= 6;

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

                    var what = IsDirectoryServices(type) ? DirectoryServices : IsGdi(type) ? Gdi : null;
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
                    string? what = null;
                    if (IsDirectoryServices(containing))
                    {
                        what = DirectoryServices;
                    }
                    else if ((ComActivators.Contains(method.Name) && SymbolEqualityComparer.Default.Equals(containing, systemType))
                        || (method.Name == "GetActiveObject" && SymbolEqualityComparer.Default.Equals(containing, marshal))
                        || (method.Name is "CreateObject" or "GetObject" && SymbolEqualityComparer.Default.Equals(containing, interaction)))
                    {
                        what = Com;
                    }
                    else if (IsGdi(containing))
                    {
                        what = Gdi;
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

    /// <summary>System.DirectoryServices, .AccountManagement and .ActiveDirectory; not System.DirectoryServices.Protocols (LDAP, cross-platform).</summary>
    private static bool IsDirectoryServices(INamedTypeSymbol? type)
    {
        var ns = type?.ContainingNamespace?.ToDisplayString();
        return ns is not null && ns.StartsWith("System.DirectoryServices", StringComparison.Ordinal)
            && !ns.StartsWith("System.DirectoryServices.Protocols", StringComparison.Ordinal);
    }
}
