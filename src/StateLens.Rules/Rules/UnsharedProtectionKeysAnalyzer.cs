using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL5005: reports cookie protection keys that each replica makes for itself: Forms authentication without an explicit
/// machineKey in web.config; in a System.Web application without one, the first anti-forgery token, OWIN cookie,
/// MachineKey.Protect call or WebForms page (ViewState MAC); and ASP.NET Core cookie, session or antiforgery users in a
/// compilation that never persists its Data Protection keys.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class UnsharedProtectionKeysAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Registrations that make ASP.NET Core protect cookies or tokens with Data Protection keys.</summary>
    private static readonly ImmutableHashSet<string> KeyUsers = ImmutableHashSet.Create(
        "AddSession", "AddCookie", "AddAntiforgery", "AddDataProtection", "AddControllersWithViews", "AddRazorPages",
        "AddMvc", "AddDefaultIdentity", "AddIdentity", "AddOpenIdConnect", "AddRazorComponents", "AddServerSideBlazor");

    /// <summary>OWIN (Katana) cookie middleware: on System.Web it protects its cookies with the machineKey.</summary>
    private static readonly ImmutableHashSet<string> OwinCookieUsers = ImmutableHashSet.Create(
        "UseCookieAuthentication", "UseExternalSignInCookie", "UseTwoFactorSignInCookie", "UseTwoFactorRememberBrowserCookie");

    private static readonly ImmutableHashSet<string> MachineKeyMethods = ImmutableHashSet.Create("Protect", "Unprotect", "Encode", "Decode");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnsharedProtectionKeys);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ConfigDocuments.RegisterConfigFileAction(context, AnalyzeXml, analyzeJson: null);
        context.RegisterCompilationStartAction(AnalyzeCode);
        context.RegisterCompilationStartAction(AnalyzeSystemWebCode);
    }

    /// <summary>
    /// A System.Web application (it has its HttpApplication class, Global.asax) whose web.config has no explicit machineKey
    /// and no Forms authentication (that is reported in the file): the first code that depends on the auto-generated key.
    /// Class libraries (modules, shared UI) are left to the application project, whose web.config decides.
    /// </summary>
    private static void AnalyzeSystemWebCode(CompilationStartAnalysisContext start)
    {
        var httpApplication = KnownSymbols.Type(start.Compilation, "System.Web.HttpApplication");
        if (httpApplication is null || !WebConfigLacksMachineKey(start.Options, start.CancellationToken))
        {
            return;
        }

        var page = KnownSymbols.Type(start.Compilation, "System.Web.UI.Page");
        var machineKey = KnownSymbols.Type(start.Compilation, "System.Web.Security.MachineKey");
        var antiForgery = KnownSymbols.Types(start.Compilation, "System.Web.Helpers.AntiForgery");
        var antiForgeryAttributes = KnownSymbols.Types(start.Compilation, "System.Web.Mvc.ValidateAntiForgeryTokenAttribute");
        var users = new ConcurrentBag<(string Reason, string Symbol, Location Location)>();
        var isApplication = 0;

        start.RegisterSymbolAction(
            context =>
            {
                var symbol = context.Symbol;
                if (symbol is INamedTypeSymbol type && type.TypeKind == TypeKind.Class)
                {
                    if (type.IsOrInherits(httpApplication) && !SymbolEqualityComparer.Default.Equals(type, httpApplication))
                    {
                        Interlocked.Exchange(ref isApplication, 1);
                    }
                    else if (page is not null && type.IsOrInherits(page) && !type.IsAbstract && type.Locations.FirstOrDefault(l => l.IsInSource) is { } pageLocation)
                    {
                        users.Add(("ViewState MAC of WebForms pages uses an auto-generated machineKey", type.QualifiedName(), pageLocation));
                    }
                }

                foreach (var attribute in symbol.GetAttributes())
                {
                    if (attribute.AttributeClass is { } attributeClass && antiForgeryAttributes.Contains(attributeClass)
                        && attribute.ApplicationSyntaxReference is { } reference)
                    {
                        users.Add(("Anti-forgery tokens are signed with an auto-generated machineKey", attributeClass.QualifiedName(), Location.Create(reference.SyntaxTree, reference.Span)));
                    }
                }
            },
            SymbolKind.NamedType,
            SymbolKind.Method);

        start.RegisterOperationAction(
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                string? reason = null;
                if (antiForgery.Contains(method.ContainingType) || (method.Name == "AntiForgeryToken" && method.ContainingNamespace?.ToDisplayString() == "System.Web.Mvc"))
                {
                    reason = "Anti-forgery tokens are signed with an auto-generated machineKey";
                }
                else if (OwinCookieUsers.Contains(method.Name) && method.ContainingNamespace?.ToDisplayString() == "Owin")
                {
                    reason = "OWIN cookies are protected with an auto-generated machineKey";
                }
                else if (MachineKeyMethods.Contains(method.Name) && SymbolEqualityComparer.Default.Equals(method.ContainingType, machineKey))
                {
                    reason = "MachineKey." + method.Name + " uses an auto-generated machineKey";
                }

                if (reason is not null)
                {
                    users.Add((reason, method.QualifiedName(), OperationLocations.FromMethodName(invocation)));
                }
            },
            OperationKind.Invocation);

        start.RegisterCompilationEndAction(context =>
        {
            if (Volatile.Read(ref isApplication) == 0 || users.IsEmpty)
            {
                return;
            }

            // Code that protects data explicitly comes before pages: it names the dependency more precisely.
            var first = users
                .OrderBy(u => u.Reason.StartsWith("ViewState", StringComparison.Ordinal) ? 1 : 0)
                .ThenBy(u => u.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(u => u.Location.SourceSpan.Start)
                .First();
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnsharedProtectionKeys, first.Location, ConfigDocuments.Properties(first.Symbol), first.Reason));
        });
    }

    /// <summary>The project's web.config exists, has no explicit machineKey, and is not already reported for Forms authentication.</summary>
    private static bool WebConfigLacksMachineKey(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var found = false;
        foreach (var file in options.AdditionalFiles)
        {
            if (!ConfigDocuments.FileName(file.Path).Equals("web.config", StringComparison.OrdinalIgnoreCase)
                || ConfigDocuments.LoadXml(file, cancellationToken) is not { } document)
            {
                continue;
            }

            if (document.Elements("machineKey").Any(HasExplicitKeys) || FormsAuthentication(document).Any())
            {
                return false;
            }

            found = true;
        }

        return found;
    }

    private static IEnumerable<System.Xml.Linq.XElement> FormsAuthentication(XmlConfigDocument document) =>
        document.Elements("authentication").Where(authentication =>
            authentication.Parent is { } parent && ConfigDocuments.Is(parent, "system.web")
            && string.Equals(ConfigDocuments.Attribute(authentication, "mode")?.Trim(), "Forms", StringComparison.OrdinalIgnoreCase));

    private static void AnalyzeXml(AdditionalFileAnalysisContext context, XmlConfigDocument document)
    {
        if (document.Kind != ConfigFileKind.AppConfig || document.Elements("machineKey").Any(HasExplicitKeys))
        {
            return;
        }

        foreach (var authentication in FormsAuthentication(document))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnsharedProtectionKeys,
                document.StartTag(authentication),
                ConfigDocuments.Properties(document.Symbol(authentication)),
                "Forms authentication signs its ticket with an auto-generated machineKey"));
        }
    }

    /// <summary>
    /// Both keys set and not AutoGenerate; an encrypted (configProtectionProvider) or external (configSource) section
    /// is taken as explicit, since its keys cannot be read here.
    /// </summary>
    private static bool HasExplicitKeys(System.Xml.Linq.XElement machineKey)
    {
        if (ConfigDocuments.Attribute(machineKey, "configProtectionProvider") is not null
            || ConfigDocuments.Attribute(machineKey, "configSource") is not null)
        {
            return true;
        }

        static bool Explicit(string? key) =>
            !string.IsNullOrWhiteSpace(key) && !key!.Trim().StartsWith("AutoGenerate", StringComparison.OrdinalIgnoreCase);
        return Explicit(ConfigDocuments.Attribute(machineKey, "validationKey"))
            && Explicit(ConfigDocuments.Attribute(machineKey, "decryptionKey"));
    }

    private static void AnalyzeCode(CompilationStartAnalysisContext start)
    {
        if (KnownSymbols.Type(start.Compilation, "Microsoft.Extensions.DependencyInjection.IServiceCollection") is null)
        {
            return;
        }

        var keyManagementOptions = KnownSymbols.Type(start.Compilation, "Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions");
        // Symbol names and locations only: holding operations until the end would keep every operation tree alive.
        var users = new ConcurrentBag<(string Symbol, Location Location, bool Weak)>();
        var persisted = 0;
        var classifier = new FilePathClassifier(start.Compilation);
        // PersistKeysToFileSystem into the application, working or temp folder: persisted, but per container.
        var localKeyFolders = new ConcurrentBag<string>();

        start.RegisterOperationAction(
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (method.Name == "PersistKeysToFileSystem"
                    && FilePathClassifier.ArgumentNamed(invocation.Arguments, "directory") is { } directory
                    && classifier.Classify(directory, context.CancellationToken) is { Kind: FilePathKind.AppRoot or FilePathKind.Relative or FilePathKind.Temp } folder)
                {
                    localKeyFolders.Add(folder.Text);
                }
                else if (method.Name.StartsWith("PersistKeysTo", StringComparison.Ordinal))
                {
                    Interlocked.Exchange(ref persisted, 1);
                }
                else if ((KeyUsers.Contains(method.Name) || method.Name == "AddAuthentication") && IsFramework(method))
                {
                    users.Add((method.QualifiedName(), OperationLocations.FromMethodName(invocation), method.Name == "AddAuthentication"));
                }
            },
            OperationKind.Invocation);

        // A custom key repository set through options ("o.XmlRepository = ...") persists keys as well.
        start.RegisterOperationAction(
            context =>
            {
                var reference = (IPropertyReferenceOperation)context.Operation;
                if (reference.Property.Name == "XmlRepository"
                    && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, keyManagementOptions))
                {
                    Interlocked.Exchange(ref persisted, 1);
                }
            },
            OperationKind.PropertyReference);

        start.RegisterCompilationEndAction(context =>
        {
            // AddAuthentication alone (JWT bearer APIs) protects nothing with the keys; with a cookie user it is where setup starts.
            if (Volatile.Read(ref persisted) == 1 || users.All(u => u.Weak))
            {
                return;
            }

            // Once per compilation, at the first registration in source order: stable whatever the analysis order.
            var first = users
                .OrderBy(u => u.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(u => u.Location.SourceSpan.Start)
                .First();
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnsharedProtectionKeys,
                first.Location,
                ConfigDocuments.Properties(first.Symbol),
                localKeyFolders.OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault() is { } keyFolder
                    ? "Data Protection keys are persisted to '" + keyFolder + "' inside the container"
                    : "Data Protection keys are not persisted"));
        });
    }

    /// <summary>ASP.NET Core's own registration methods, not an application's helper that happens to share the name.</summary>
    private static bool IsFramework(IMethodSymbol method) =>
        method.ContainingNamespace?.ToDisplayString() is { } ns
        && (ns.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
}
