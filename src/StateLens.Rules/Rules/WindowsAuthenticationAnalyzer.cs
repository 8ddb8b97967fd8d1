using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL6008: reports Windows authentication and Windows accounts: &lt;authentication mode="Windows"&gt;, impersonation and
/// IIS windowsAuthentication in web.config, AddNegotiate(), WindowsIdentity.GetCurrent / Impersonate / RunImpersonated
/// and new WindowsPrincipal in code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class WindowsAuthenticationAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> WindowsIdentityMethods =
        ImmutableHashSet.Create("GetCurrent", "Impersonate", "RunImpersonated", "RunImpersonatedAsync");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WindowsAuthentication);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ConfigDocuments.RegisterConfigFileAction(context, AnalyzeXml, analyzeJson: null);
        context.RegisterCompilationStartAction(start =>
        {
            var windowsIdentity = KnownSymbols.Type(start.Compilation, "System.Security.Principal.WindowsIdentity");
            var windowsPrincipal = KnownSymbols.Type(start.Compilation, "System.Security.Principal.WindowsPrincipal");
            start.RegisterOperationAction(
                context =>
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    var method = invocation.TargetMethod;
                    if ((WindowsIdentityMethods.Contains(method.Name) && SymbolEqualityComparer.Default.Equals(method.ContainingType, windowsIdentity))
                        || (method.Name == "AddNegotiate" && method.ContainingType.Name == "NegotiateExtensions"
                            && method.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.DependencyInjection"))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.WindowsAuthentication,
                            OperationLocations.FromMethodName(invocation),
                            ConfigDocuments.Properties(method.QualifiedName()),
                            method.ShortName()));
                    }
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(
                context =>
                {
                    var creation = (IObjectCreationOperation)context.Operation;
                    if (windowsPrincipal is not null && SymbolEqualityComparer.Default.Equals(creation.Type, windowsPrincipal))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.WindowsAuthentication,
                            creation.Syntax.GetLocation(),
                            ConfigDocuments.Properties(windowsPrincipal.QualifiedName()),
                            "new " + windowsPrincipal.Name));
                    }
                },
                OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeXml(AdditionalFileAnalysisContext context, XmlConfigDocument document)
    {
        if (document.Kind != ConfigFileKind.AppConfig)
        {
            return;
        }

        foreach (var element in document.Document.Descendants())
        {
            string? what = null;
            if (ConfigDocuments.Is(element, "authentication") && element.Parent is { } web && ConfigDocuments.Is(web, "system.web")
                && IsValue(ConfigDocuments.Attribute(element, "mode"), "Windows"))
            {
                what = "authentication mode=\"Windows\"";
            }
            else if (ConfigDocuments.Is(element, "identity") && element.Parent is { } web2 && ConfigDocuments.Is(web2, "system.web")
                && IsValue(ConfigDocuments.Attribute(element, "impersonate"), "true"))
            {
                what = "identity impersonate=\"true\"";
            }
            else if (ConfigDocuments.Is(element, "windowsAuthentication") && ConfigDocuments.HasAncestor(element, "system.webServer")
                && IsValue(ConfigDocuments.Attribute(element, "enabled"), "true"))
            {
                what = "windowsAuthentication enabled=\"true\"";
            }

            if (what is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.WindowsAuthentication,
                    document.StartTag(element),
                    ConfigDocuments.Properties(document.Symbol(element)),
                    what));
            }
        }
    }

    private static bool IsValue(string? actual, string expected) =>
        string.Equals(actual?.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}
