using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StateLens.Engine.Analysis;

/// <summary>
/// Builds a project's call graph and finds its entry points, while its compilation is alive. Works on symbols and
/// IOperation only, so C# and Visual Basic projects give the same graph.
/// </summary>
public static class CallGraphBuilder
{
    private static readonly SymbolDisplayFormat TypeNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    private static readonly HashSet<string> DiRegistrations = new(StringComparer.Ordinal)
    {
        "AddScoped", "AddTransient", "AddSingleton", "TryAddScoped", "TryAddTransient", "TryAddSingleton",
        "AddKeyedScoped", "AddKeyedTransient", "AddKeyedSingleton",
    };

    private static readonly Dictionary<string, string> MapVerbs = new(StringComparer.Ordinal)
    {
        ["MapGet"] = "GET", ["MapPost"] = "POST", ["MapPut"] = "PUT", ["MapDelete"] = "DELETE", ["MapPatch"] = "PATCH",
        ["MapMethods"] = "*", ["Map"] = "ANY", ["MapFallback"] = "ANY",
    };

    private static readonly string[] WindowsServiceCallbacks = ["OnStart", "OnStop", "OnPause", "OnContinue", "OnShutdown", "OnCustomCommand", "OnPowerEvent", "OnSessionChange"];

    private static readonly string[] RazorHandlerPrefixes = ["OnGet", "OnPost", "OnPut", "OnDelete", "OnPatch", "OnHead", "OnOptions"];

    private static readonly string[] PersistentConnectionCallbacks = ["OnReceived", "OnConnected", "OnReconnected", "OnDisconnected", "ProcessRequest"];

    /// <summary>Markup directives that name the class ASP.NET instantiates, the attribute naming it, and the entry kind.</summary>
    private static readonly Dictionary<string, (string Attribute, string Kind)> MarkupDirectives = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WebHandler"] = ("Class", "http-handler"),
        ["WebService"] = ("Class", "asmx"),
        ["ServiceHost"] = ("Service", "wcf"),
        ["Application"] = ("Inherits", "global-asax"),
        ["Page"] = ("Inherits", "webforms-page"),
        ["Control"] = ("Inherits", "user-control"),
        ["Master"] = ("Inherits", "user-control"),
    };

    private static readonly string[] MarkupExtensions = ["*.ashx", "*.asmx", "*.svc", "*.asax", "*.aspx", "*.ascx", "*.master"];

    /// <summary>Builds the graph on its own (tests, tools): runs the collector as the only analyzer.</summary>
    public static ProjectGraph Build(string project, Compilation compilation, CancellationToken cancellationToken, string? projectFolder = null)
    {
        var collector = Begin(project, compilation, cancellationToken, projectFolder);
        compilation
            .WithAnalyzers([collector.Analyzer], new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(cancellationToken)
            .GetAwaiter()
            .GetResult();
        return collector.Graph;
    }

    /// <summary>
    /// Finds types, entry methods and implementations from symbols, and returns a collector whose analyzer records the
    /// edges of every operation block. The engine runs it next to the rule analyzers, so member bodies are bound once.
    /// With <paramref name="projectFolder"/>, the classes that markup files there name (.ashx, .asmx, .svc, Global.asax,
    /// pages and controls) are entry types even when their framework base types did not bind.
    /// </summary>
    public static GraphCollector Begin(string project, Compilation compilation, CancellationToken cancellationToken, string? projectFolder = null)
    {
        var graph = new ProjectGraph { Project = project };
        var known = new KnownEntryTypes(compilation);
        var entryIds = new HashSet<string>(StringComparer.Ordinal);
        var markupTypes = projectFolder is null ? [] : MarkupEntryTypes(projectFolder, cancellationToken);
        var owinStartups = OwinStartups(compilation, known);

        foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace))
        {
            cancellationToken.ThrowIfCancellationRequested();
            DescribeMembers(graph, type);
            CollectImplementations(graph, type);
            var found = false;
            foreach (var (method, kind) in EntryMethods(type, known))
            {
                AddEntryPoint(graph, entryIds, method, Display(method), kind);
                found = true;
            }

            var typeName = TypeName(type);
            if (!found && markupTypes.TryGetValue(typeName, out var markupKind))
            {
                foreach (var method in MarkupFallbackMethods(type, markupKind))
                {
                    AddEntryPoint(graph, entryIds, method, Display(method), markupKind);
                }
            }

            foreach (var method in OwinStartupMethods(type, owinStartups))
            {
                AddEntryPoint(graph, entryIds, method, Display(method), "owin-startup");
            }
        }

        if (compilation.GetEntryPoint(cancellationToken) is { } main)
        {
            AddEntryPoint(graph, entryIds, main, Display(main), "main");
        }

        return new GraphCollector(graph, new BodyWalker(graph, entryIds, cancellationToken));
    }

    /// <summary>The graph being built and the analyzer that fills in its edges.</summary>
    public sealed class GraphCollector
    {
        internal GraphCollector(ProjectGraph graph, BodyWalker walker)
        {
            Graph = graph;
            Analyzer = new EdgeAnalyzer(walker);
        }

        public ProjectGraph Graph { get; }

        public DiagnosticAnalyzer Analyzer { get; }
    }

    /// <summary>Reports nothing; it only walks each operation block the compiler driver has already bound for the rules.</summary>
    // Constructed by the engine and handed to CompilationWithAnalyzers; never loaded by a compiler, so it carries no
    // [DiagnosticAnalyzer] attribute (which would make it a compiler extension, RS1038/RS1041).
#pragma warning disable RS1001
    private sealed class EdgeAnalyzer(BodyWalker walker) : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        // The driver skips analyzers without descriptors; this one is hidden and never reported, so it is not a
        // rule to track in AnalyzerReleases (RS2008).
#pragma warning disable RS2008
        private static readonly DiagnosticDescriptor Never = new("StateLensGraph", "Call graph", "Call graph", "StateLens.Internal", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
            context.EnableConcurrentExecution();
            context.RegisterOperationBlockAction(block => walker.WalkBlocks(block.OperationBlocks, block.OwningSymbol));
        }
    }

    /// <summary>"Type.Member" as chains show it; nested types keep their outer type.</summary>
    public static string Display(ISymbol symbol)
    {
        var type = symbol.ContainingType is { } containing ? ShortTypeName(containing) + "." : string.Empty;
        return symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor } => type + "ctor",
            IMethodSymbol { MethodKind: MethodKind.StaticConstructor } => type + "cctor",
            IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property } => type + PropertyName(property),
            IMethodSymbol { MethodKind: MethodKind.PropertySet, AssociatedSymbol: { } property } => type + PropertyName(property) + " (set)",
            IMethodSymbol { Name: "<Main>$" } => type + "Main",
            IPropertySymbol property => type + PropertyName(property),
            _ => type + symbol.Name,
        };
    }

    /// <summary>
    /// "Assembly|documentation ID": the assembly keeps apart same-named types of different projects (two
    /// top-level Program classes), while a referenced project's symbols still join with that project's graph.
    /// </summary>
    internal static string? Id(ISymbol? symbol)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } reducedFrom })
        {
            symbol = reducedFrom;
        }

        var original = symbol?.OriginalDefinition;
        return original?.GetDocumentationCommentId() is { } id ? original.ContainingAssembly?.Name + "|" + id : null;
    }

    internal static string TypeName(INamedTypeSymbol type) => type.OriginalDefinition.ToDisplayString(TypeNameFormat);

    private static string ShortTypeName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? ShortTypeName(outer) + "." + type.Name : type.Name;

    private static string PropertyName(ISymbol property) => property is IPropertySymbol { IsIndexer: true } ? "this[]" : property.Name;

    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                foreach (var type in SourceTypes(inner))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (var nested in WithNested(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers().SelectMany(WithNested))
        {
            yield return nested;
        }
    }

    private static void DescribeMembers(ProjectGraph graph, INamedTypeSymbol type)
    {
        var typeName = TypeName(type);
        foreach (var member in type.GetMembers())
        {
            if (member is INamedTypeSymbol || Id(member) is not { } id)
            {
                continue;
            }

            graph.DisplayNames[id] = Display(member);
            graph.ContainingTypes[id] = typeName;
        }
    }

    /// <summary>Overrides and interface implementations: a call to the base member may run any of them.</summary>
    private static void CollectImplementations(ProjectGraph graph, INamedTypeSymbol type)
    {
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (Id(method) is not { } id)
            {
                continue;
            }

            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (Id(overridden) is { } baseId)
                {
                    graph.AddImplementation(baseId, id);
                }
            }
        }

        if (type.TypeKind is TypeKind.Class or TypeKind.Struct)
        {
            AddInterfaceImplementations(graph, type, type.AllInterfaces);
        }
    }

    private static void AddInterfaceImplementations(ProjectGraph graph, INamedTypeSymbol type, IEnumerable<INamedTypeSymbol> interfaces)
    {
        foreach (var contract in interfaces)
        {
            foreach (var member in contract.GetMembers().OfType<IMethodSymbol>())
            {
                if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation
                    && Id(member) is { } memberId
                    && Id(implementation) is { } implementationId)
                {
                    graph.AddImplementation(memberId, implementationId);
                }
            }
        }
    }

    private static void AddEntryPoint(ProjectGraph graph, HashSet<string> entryIds, IMethodSymbol method, string name, string kind)
    {
        if (Id(method) is not { } id || !entryIds.Add(id))
        {
            return;
        }

        var location = method.Locations.FirstOrDefault(l => l.IsInSource)
            ?? method.DeclaringSyntaxReferences.Select(r => r.GetSyntax().GetLocation()).FirstOrDefault();
        var span = location?.GetLineSpan();
        graph.DisplayNames.TryAdd(id, Display(method));
        graph.EntryPoints.Add(new EntryPointNode(
            id,
            name,
            kind,
            span?.Path ?? string.Empty,
            span is { } s ? s.StartLinePosition.Line + 1 : 0,
            method.ContainingType is { } containing ? TypeName(containing) : null));
    }

    private static IEnumerable<(IMethodSymbol Method, string Kind)> EntryMethods(INamedTypeSymbol type, KnownEntryTypes known)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic)
        {
            yield break;
        }

        var methods = type.GetMembers().OfType<IMethodSymbol>().Where(m => m.Locations.Any(l => l.IsInSource)).ToList();
        var instance = methods.Where(m => m is { IsStatic: false, MethodKind: MethodKind.Ordinary }).ToList();

        var controllerKind = ControllerKind(type, known);
        if (controllerKind is not null)
        {
            foreach (var method in instance.Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsOverride && !m.IsGenericMethod && m.Name != "Dispose" && !known.NonActionAttributes.OnSymbol(m) && !HasUnboundAttribute(m, "NonAction")))
            {
                yield return (method, controllerKind);
            }
        }

        if (known.Page.IsBaseOf(type) || known.UserControl.IsBaseOf(type))
        {
            var kind = known.Page.IsBaseOf(type) ? "webforms-page" : "user-control";
            foreach (var method in instance.Where(m => m.DeclaredAccessibility != Accessibility.Private || IsEventHandler(m, known) || m.Name.StartsWith("Page_", StringComparison.Ordinal)))
            {
                yield return (method, kind);
            }
        }
        else
        {
            foreach (var method in HandlerMethods(type, methods, known))
            {
                yield return (method, "http-handler");
            }
        }

        if (known.HttpApplication.IsBaseOf(type))
        {
            foreach (var method in methods.Where(m => m.MethodKind == MethodKind.Ordinary
                && (m.Name.StartsWith("Application_", StringComparison.Ordinal) || m.Name.StartsWith("Session_", StringComparison.Ordinal) || (m.IsOverride && m.Name == "Init"))))
            {
                yield return (method, "global-asax");
            }
        }

        foreach (var method in methods.Where(known.WebMethodAttribute.OnSymbol))
        {
            yield return (method, "asmx");
        }

        foreach (var method in WcfOperations(type, methods, known))
        {
            yield return (method, "wcf");
        }

        if (known.PageModel.IsBaseOf(type))
        {
            foreach (var method in instance.Where(m => m.DeclaredAccessibility == Accessibility.Public && RazorHandlerPrefixes.Any(p => m.Name.StartsWith(p, StringComparison.Ordinal))))
            {
                yield return (method, "razor-page");
            }
        }

        if (known.Hub.IsBaseOf(type))
        {
            foreach (var method in instance.Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name != "Dispose"))
            {
                yield return (method, "signalr-hub");
            }
        }

        if (known.PersistentConnection.IsBaseOf(type))
        {
            foreach (var method in methods.Where(m => m.IsOverride && PersistentConnectionCallbacks.Contains(m.Name)))
            {
                yield return (method, "signalr-hub");
            }
        }

        if (known.HostedService.IsBaseOf(type))
        {
            foreach (var method in methods.Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic
                && (m.Name is "StartAsync" or "StopAsync" || (m.IsOverride && m.Name == "ExecuteAsync" && known.BackgroundService.IsBaseOf(type)))))
            {
                yield return (method, "hosted-service");
            }
        }

        if (known.ServiceBase.IsBaseOf(type))
        {
            foreach (var method in methods.Where(m => m.IsOverride && WindowsServiceCallbacks.Contains(m.Name)))
            {
                yield return (method, "windows-service");
            }
        }
    }

    /// <summary>
    /// Class names from the directives of the project's markup files ("&lt;%@ WebHandler Class="X" %&gt;") to the entry
    /// kind. A type named twice keeps the ordinal-first kind, so the result does not depend on file order.
    /// </summary>
    private static Dictionary<string, string> MarkupEntryTypes(string folder, CancellationToken cancellationToken)
    {
        var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        foreach (var file in MarkupExtensions.SelectMany(pattern => Directory.EnumerateFiles(folder, pattern, options)).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar).Any(part => part.Equals("bin", StringComparison.OrdinalIgnoreCase) || part.Equals("obj", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (Loading.WebSiteProject.FirstDirective(text) is not { } directive
                || !MarkupDirectives.TryGetValue(directive.Directive, out var meaning)
                || !directive.Attributes.TryGetValue(meaning.Attribute, out var className))
            {
                continue;
            }

            // "Namespace.Type, Assembly" is allowed in directives; the assembly part does not name the type.
            var name = className.Split(',')[0].Trim();
            if (name.Length > 0)
            {
                types.TryAdd(name, meaning.Kind);
            }
        }

        return new Dictionary<string, string>(types, StringComparer.Ordinal);
    }

    /// <summary>
    /// Entry methods of a type named by markup whose framework base types did not bind (no System.Web, a package that
    /// could not be had): judged by name and shape, as ASP.NET would call them.
    /// </summary>
    private static IEnumerable<IMethodSymbol> MarkupFallbackMethods(INamedTypeSymbol type, string kind)
    {
        var instance = type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m is { IsStatic: false, MethodKind: MethodKind.Ordinary } && m.Locations.Any(l => l.IsInSource))
            .ToList();
        return kind switch
        {
            "http-handler" => instance.Where(m => m.Name is "ProcessRequest" or "ProcessRequestAsync" or "BeginProcessRequest"),
            "global-asax" => instance.Where(m => m.Name.StartsWith("Application_", StringComparison.Ordinal) || m.Name.StartsWith("Session_", StringComparison.Ordinal)),
            "webforms-page" or "user-control" => instance.Where(m => m.DeclaredAccessibility != Accessibility.Private || m.Name.StartsWith("Page_", StringComparison.Ordinal)
                || (m.Parameters.Length == 2 && m.Parameters[1].Type.Name.EndsWith("EventArgs", StringComparison.Ordinal))),
            _ => instance.Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name != "Dispose"),
        };
    }

    /// <summary>Types named by [assembly: OwinStartup(typeof(X))] (or its friendly-name form) to the method OWIN calls.</summary>
    private static Dictionary<INamedTypeSymbol, string> OwinStartups(Compilation compilation, KnownEntryTypes known)
    {
        var startups = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var attribute in compilation.Assembly.GetAttributes().Where(a => known.OwinStartupAttribute.Matches(a.AttributeClass)))
        {
            var arguments = attribute.ConstructorArguments;
            var typeIndex = arguments.IndexOf(arguments.FirstOrDefault(a => a.Kind == TypedConstantKind.Type));
            if (typeIndex < 0 || arguments[typeIndex].Value is not INamedTypeSymbol startup)
            {
                continue;
            }

            var method = typeIndex + 1 < arguments.Length && arguments[typeIndex + 1].Value is string name ? name : "Configuration";
            startups[startup.OriginalDefinition] = method;
        }

        return startups;
    }

    /// <summary>
    /// OWIN's startup method: the one [assembly: OwinStartup] names, or by OWIN's convention a class named Startup with
    /// Configuration(IAppBuilder). The parameter is matched by name so the convention holds when Owin.dll did not bind.
    /// </summary>
    private static IEnumerable<IMethodSymbol> OwinStartupMethods(INamedTypeSymbol type, Dictionary<INamedTypeSymbol, string> startups)
    {
        if (type.TypeKind != TypeKind.Class)
        {
            return [];
        }

        var methods = type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && m.Locations.Any(l => l.IsInSource));
        if (startups.TryGetValue(type.OriginalDefinition, out var named))
        {
            return methods.Where(m => m.Name == named);
        }

        return type.Name == "Startup"
            ? methods.Where(m => m.Name == "Configuration" && m.Parameters is [{ Type.Name: "IAppBuilder" }])
            : [];
    }

    private static string? ControllerKind(INamedTypeSymbol type, KnownEntryTypes known)
    {
        if (known.MvcController.IsBaseOf(type))
        {
            return "mvc-action";
        }

        if (known.WebApiController.IsBaseOf(type))
        {
            return "webapi-action";
        }

        if (known.CoreControllerBase.IsBaseOf(type))
        {
            return "controller-action";
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (known.ControllerAttributes.OnSymbol(current) && type.Name.EndsWith("Controller", StringComparison.Ordinal))
            {
                return "controller-action";
            }
        }

        // System.Web.Mvc or System.Web.Http did not bind (packages.config package not obtained): the base class is an
        // error type that still carries its name, and an MVC controller is still an entry type.
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is IErrorTypeSymbol { Name: var name } && type.Name.EndsWith("Controller", StringComparison.Ordinal))
            {
                return name switch
                {
                    "Controller" or "AsyncController" => "mvc-action",
                    "ApiController" => "webapi-action",
                    _ => null,
                };
            }
        }

        return null;
    }

    private static IEnumerable<IMethodSymbol> HandlerMethods(INamedTypeSymbol type, List<IMethodSymbol> declared, KnownEntryTypes known)
    {
        var found = new List<IMethodSymbol>();
        foreach (var contract in type.AllInterfaces.Where(i => known.HttpHandler.Matches(i) || known.HttpAsyncHandler.Matches(i)))
        {
            foreach (var member in contract.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name is "ProcessRequest" or "BeginProcessRequest"))
            {
                if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation && declared.Contains(implementation, SymbolEqualityComparer.Default))
                {
                    found.Add(implementation);
                }
            }
        }

        if (known.HttpTaskAsyncHandler.IsBaseOf(type))
        {
            found.AddRange(declared.Where(m => m.IsOverride && m.Name == "ProcessRequestAsync"));
        }

        return found.Distinct<IMethodSymbol>(SymbolEqualityComparer.Default);
    }

    private static IEnumerable<IMethodSymbol> WcfOperations(INamedTypeSymbol type, List<IMethodSymbol> declared, KnownEntryTypes known)
    {
        if (known.ServiceContractAttribute.IsEmpty)
        {
            yield break;
        }

        foreach (var contract in type.AllInterfaces.Where(known.ServiceContractAttribute.OnSymbol))
        {
            var operations = contract.GetMembers().OfType<IMethodSymbol>().ToList();
            var marked = operations.Where(known.OperationContractAttribute.OnSymbol).ToList();
            foreach (var operation in marked.Count > 0 ? marked : operations)
            {
                if (type.FindImplementationForInterfaceMember(operation) is IMethodSymbol implementation && declared.Contains(implementation, SymbolEqualityComparer.Default))
                {
                    yield return implementation;
                }
            }
        }

        if (known.ServiceContractAttribute.OnSymbol(type))
        {
            foreach (var method in declared.Where(known.OperationContractAttribute.OnSymbol))
            {
                yield return method;
            }
        }
    }

    /// <summary>An attribute whose type did not bind, recognised by name ("NonAction" or "NonActionAttribute").</summary>
    private static bool HasUnboundAttribute(IMethodSymbol method, string name) =>
        method.GetAttributes().Any(a => a.AttributeClass is IErrorTypeSymbol error && (error.Name == name || error.Name == name + "Attribute"));

    private static bool IsEventHandler(IMethodSymbol method, KnownEntryTypes known) =>
        method.Parameters.Length == 2
        && method.Parameters[0].Type.SpecialType == SpecialType.System_Object
        && known.EventArgs.IsBaseOf(method.Parameters[1].Type);

    /// <summary>
    /// Finds every operation tree of a syntax tree (member bodies, initializers, top-level statements) and records what it
    /// uses as edges of its owning member. Lambdas and local functions belong to their member, except minimal API handlers.
    /// </summary>
    internal sealed class BodyWalker(ProjectGraph graph, HashSet<string> entryIds, CancellationToken cancellationToken)
    {
        /// <summary>Edge targets repeat (the same calls and properties all over a project): each id is built once.</summary>
        private readonly ConcurrentDictionary<ISymbol, string?> ids = new(SymbolEqualityComparer.Default);
        private readonly Func<ISymbol, string?> idOf = symbol => Id(symbol);

        /// <summary>
        /// Walks the blocks of one owning member; blocks of different members arrive concurrently, so the walk collects
        /// its edges on its own and takes the graph's lock only to add them.
        /// </summary>
        public void WalkBlocks(System.Collections.Immutable.ImmutableArray<IOperation> blocks, ISymbol owningSymbol)
        {
            var edges = new List<(string From, string To)>();
            foreach (var block in blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var owner in Owners(block, owningSymbol))
                {
                    Walk(block, owner, edges);
                }
            }

            lock (graph)
            {
                foreach (var (from, to) in edges)
                {
                    graph.AddEdge(from, to);
                }
            }
        }

        private static IEnumerable<string> Owners(IOperation root, ISymbol owningSymbol)
        {
            switch (root)
            {
                case IParameterInitializerOperation or IAttributeOperation:
                    return [];
                case IFieldInitializerOperation { InitializedFields: [var field, ..] }:
                    return field.IsStatic ? Ids(field) : InstanceConstructors(field.ContainingType);
                case IPropertyInitializerOperation { InitializedProperties: [var property, ..] }:
                    return property.IsStatic ? Ids((ISymbol?)property.GetMethod ?? property) : InstanceConstructors(property.ContainingType);
            }

            var symbol = owningSymbol;
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                symbol = symbol.ContainingSymbol;
            }

            symbol = symbol switch
            {
                IPropertySymbol property => property.GetMethod,
                IMethodSymbol or IFieldSymbol => symbol,
                _ => null,
            };
            return Id(symbol) is { } id ? [id] : [];
        }

        private static IEnumerable<string> Ids(ISymbol symbol) => Id(symbol) is { } id ? [id] : [];

        private static IEnumerable<string> InstanceConstructors(INamedTypeSymbol type) =>
            type.InstanceConstructors.Select(c => Id(c)).OfType<string>();

        private void Walk(IOperation root, string owner, List<(string From, string To)> edges)
        {
            var stack = new Stack<IOperation>(64);
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                switch (operation)
                {
                    case IInvocationOperation invocation when TryMinimalApi(invocation, owner, edges):
                        continue;
                    case IInvocationOperation invocation:
                        Edge(edges, owner, invocation.TargetMethod);
                        RegisterService(invocation);
                        break;
                    case IObjectCreationOperation creation:
                        Edge(edges, owner, creation.Constructor);
                        break;
                    case IPropertyReferenceOperation property:
                        foreach (var accessor in Accessors(property))
                        {
                            Edge(edges, owner, accessor);
                        }

                        break;
                    case IFieldReferenceOperation field:
                        Edge(edges, owner, field.Field);
                        break;
                    case IMethodReferenceOperation method:
                        Edge(edges, owner, method.Method);
                        break;
                }

                foreach (var child in operation.ChildOperations.Reverse())
                {
                    stack.Push(child);
                }
            }
        }

        private void Edge(List<(string From, string To)> edges, string owner, ISymbol? target)
        {
            if (target is null or IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
            {
                return;
            }

            if (ids.GetOrAdd(target, idOf) is { } id)
            {
                edges.Add((owner, id));
            }
        }

        private static IEnumerable<ISymbol> Accessors(IPropertyReferenceOperation reference)
        {
            var property = reference.Property;
            var parent = reference.Parent;
            var written = parent is IAssignmentOperation assignment && assignment.Target == reference
                || parent is IIncrementOrDecrementOperation;
            var read = !(parent is ISimpleAssignmentOperation simple && simple.Target == reference);
            if (read)
            {
                yield return (ISymbol?)property.GetMethod ?? property;
            }

            if (written)
            {
                yield return (ISymbol?)property.SetMethod ?? property;
            }
        }

        /// <summary>services.AddScoped&lt;IService, Service&gt;() and the typeof form: the service's members run the implementation's.</summary>
        private void RegisterService(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!DiRegistrations.Contains(method.Name)
                || method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal) != true)
            {
                return;
            }

            ITypeSymbol? service = null;
            ITypeSymbol? implementation = null;
            if (method.TypeArguments.Length == 2)
            {
                (service, implementation) = (method.TypeArguments[0], method.TypeArguments[1]);
            }
            else
            {
                var types = invocation.Arguments.Select(a => Unwrap(a.Value)).OfType<ITypeOfOperation>().Select(t => t.TypeOperand).ToList();
                if (types.Count == 2)
                {
                    (service, implementation) = (types[0], types[1]);
                }
            }

            if (service is not INamedTypeSymbol { TypeKind: TypeKind.Interface } contract || implementation is not INamedTypeSymbol concrete)
            {
                return;
            }

            concrete = concrete.OriginalDefinition;
            var implemented = concrete.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, contract.OriginalDefinition)) ?? contract;
            lock (graph)
            {
                AddInterfaceImplementations(graph, concrete, [implemented]);
            }
        }

        /// <summary>app.MapGet("/x", handler): the handler is an entry point named by verb and route.</summary>
        private bool TryMinimalApi(IInvocationOperation invocation, string owner, List<(string From, string To)> edges)
        {
            var method = invocation.TargetMethod;
            if (!MapVerbs.TryGetValue(method.Name, out var verb)
                || method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) != true)
            {
                return false;
            }

            var handlerArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name is "handler" or "requestDelegate");
            if (handlerArgument is null)
            {
                return false;
            }

            var pattern = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value.ConstantValue is { HasValue: true, Value: string p } ? p : "?";
            if (verb == "*")
            {
                verb = HttpMethods(invocation) ?? verb;
            }

            var name = $"{verb} {pattern}";
            var handler = Unwrap(handlerArgument.Value);
            if (handler is IDelegateCreationOperation creation)
            {
                handler = Unwrap(creation.Target);
            }

            foreach (var argument in invocation.Arguments.Where(a => a != handlerArgument))
            {
                Walk(argument, owner, edges);
            }

            switch (handler)
            {
                case IAnonymousFunctionOperation lambda:
                    var span = lambda.Syntax.GetLocation().GetLineSpan();
                    var id = $"L:{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
                    var containingType = lambda.SemanticModel?.GetEnclosingSymbol(lambda.Syntax.SpanStart, cancellationToken)?.ContainingType;
                    lock (graph)
                    {
                        if (entryIds.Add(id))
                        {
                            graph.DisplayNames[id] = name;
                            if (containingType is not null)
                            {
                                graph.ContainingTypes[id] = TypeName(containingType);
                            }

                            graph.EntryPoints.Add(new EntryPointNode(id, name, "minimal-api", span.Path, span.StartLinePosition.Line + 1, graph.ContainingTypes.GetValueOrDefault(id))
                            {
                                EndLine = span.EndLinePosition.Line + 1,
                            });
                        }
                    }

                    Walk(lambda.Body, id, edges);
                    return true;
                case IMethodReferenceOperation reference:
                    lock (graph)
                    {
                        AddEntryPoint(graph, entryIds, reference.Method, name, "minimal-api");
                    }

                    return true;
                default:
                    Walk(handlerArgument, owner, edges);
                    return true;
            }
        }

        private static string? HttpMethods(IInvocationOperation invocation)
        {
            var value = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "httpMethods")?.Value;
            var elements = Unwrap(value) switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                ICollectionExpressionOperation collection => collection.Elements,
                _ => default,
            };
            if (elements.IsDefaultOrEmpty)
            {
                return null;
            }

            var verbs = elements.Select(e => e.ConstantValue is { HasValue: true, Value: string v } ? v : "?").ToList();
            return string.Join(",", verbs);
        }

        private static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } or IConversionOperation { Operand: IAnonymousFunctionOperation or IMethodReferenceOperation } or IParenthesizedOperation)
            {
                operation = operation switch
                {
                    IConversionOperation conversion => conversion.Operand,
                    IParenthesizedOperation parenthesized => parenthesized.Operand,
                    _ => operation,
                };
            }

            return operation;
        }
    }
}
