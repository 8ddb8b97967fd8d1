using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL6007: reports libraries set up with an in-process store where replicas need a shared one: Hangfire memory storage,
/// Quartz.NET's RAMJobStore (its default), SignalR without a scale-out backplane, and EF Core's in-memory database.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class InMemoryBackingStoreAnalyzer : DiagnosticAnalyzer
{
    private const string Jobs = "scheduled jobs";
    private const string Connections = "SignalR connections and groups";

    /// <summary>Test projects use EF Core's in-memory provider by design.</summary>
    private static readonly ImmutableHashSet<string> TestFrameworks = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "xunit.core", "xunit.assert", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework");

    /// <summary>Words in the name of a SignalR scale-out registration: AddStackExchangeRedis, AddAzureSignalR, UseSqlServer, UseServiceBus...</summary>
    private static readonly string[] BackplaneWords = { "Redis", "AzureSignalR", "SqlServer", "ServiceBus", "Orleans", "Npgsql", "Postgre", "Backplane" };

    private static readonly ImmutableHashSet<string> InterestingNames = ImmutableHashSet.Create(
        "UseMemoryStorage", "UseInMemoryStorage", "UsePersistentStore", "UseInMemoryStore", "AddQuartz", "GetDefaultScheduler", "Add",
        "AddSignalR", "MapSignalR", "MapHubs", "UseInMemoryDatabase");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InMemoryBackingStore);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(AnalyzeCompilation);
    }

    private static void AnalyzeCompilation(CompilationStartAnalysisContext start)
    {
        var compilation = start.Compilation;
        var hangfireStorages = KnownSymbols.Types(compilation, "Hangfire.MemoryStorage.MemoryStorage", "Hangfire.InMemory.InMemoryStorage");
        var stdSchedulerFactory = KnownSymbols.Type(compilation, "Quartz.Impl.StdSchedulerFactory");
        var nameValueCollection = KnownSymbols.Type(compilation, "System.Collections.Specialized.NameValueCollection");
        var isTestProject = compilation.ReferencedAssemblyNames.Any(a => TestFrameworks.Contains(a.Name));
        if (hangfireStorages.IsEmpty && stdSchedulerFactory is null && KnownSymbols.Type(compilation, "Microsoft.AspNetCore.SignalR.Hub") is null
            && KnownSymbols.Type(compilation, "Microsoft.AspNet.SignalR.Hub") is null && KnownSymbols.Type(compilation, "Microsoft.EntityFrameworkCore.DbContext") is null)
        {
            return;
        }

        // Quartz and SignalR are decided once the whole compilation is seen: the persistent store or backplane may be
        // configured in another file than the scheduler or hub registration.
        var quartzSites = new ConcurrentBag<(Site Site, bool Explicit)>();
        var quartzPersisted = ConfiguresPersistentQuartzStore(start.Options, start.CancellationToken) ? 1 : 0;
        var signalRSites = new ConcurrentBag<Site>();
        var backplane = 0;

        start.RegisterOperationAction(
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                var name = method.Name;
                // Names first: the namespace's display string is built only for the few calls that can matter.
                if (!InterestingNames.Contains(name) && !MayBeBackplane(name))
                {
                    return;
                }

                var ns = method.ContainingNamespace?.ToDisplayString() ?? "";
                if (ns.StartsWith("Hangfire", StringComparison.Ordinal) && name is "UseMemoryStorage" or "UseInMemoryStorage")
                {
                    Report(context, invocation.Syntax.GetLocation(), method, Jobs);
                }
                else if (ns.StartsWith("Quartz", StringComparison.Ordinal))
                {
                    if (name == "UsePersistentStore")
                    {
                        Interlocked.Exchange(ref quartzPersisted, 1);
                    }
                    else if (name == "UseInMemoryStore")
                    {
                        quartzSites.Add((new Site(method, OperationLocations.FromMethodName(invocation)), true));
                    }
                    else if (name is "AddQuartz" || (name == "GetDefaultScheduler" && SymbolEqualityComparer.Default.Equals(method.ContainingType, stdSchedulerFactory)))
                    {
                        quartzSites.Add((new Site(method, OperationLocations.FromMethodName(invocation)), false));
                    }
                }
                else if (name == "Add" && SymbolEqualityComparer.Default.Equals(method.ContainingType, nameValueCollection)
                    && SetsPersistentJobStore(invocation.Arguments.Select(a => a.Value).ToList()))
                {
                    Interlocked.Exchange(ref quartzPersisted, 1);
                }
                else if (IsSignalRRegistration(method, ns))
                {
                    signalRSites.Add(new Site(method, OperationLocations.FromMethodName(invocation)));
                }
                else if ((ns.IndexOf("SignalR", StringComparison.Ordinal) >= 0 || ns.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal)
                        || ns == "Owin")
                    && MayBeBackplane(name)
                    && IsSignalRScaleOut(method, ns))
                {
                    Interlocked.Exchange(ref backplane, 1);
                }
                else if (!isTestProject && name == "UseInMemoryDatabase" && ns.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
                {
                    Report(context, invocation.Syntax.GetLocation(), method, "the database");
                }
            },
            OperationKind.Invocation);

        start.RegisterOperationAction(
            context =>
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Type is not INamedTypeSymbol type)
                {
                    return;
                }

                if (hangfireStorages.Contains(type.OriginalDefinition))
                {
                    Report(context, creation.Syntax.GetLocation(), type, Jobs);
                }
                else if (SymbolEqualityComparer.Default.Equals(type, stdSchedulerFactory))
                {
                    quartzSites.Add((new Site(type, creation.Syntax.GetLocation(), "new " + type.Name), false));
                }
            },
            OperationKind.ObjectCreation);

        // properties["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz"
        start.RegisterOperationAction(
            context =>
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer
                    && SymbolEqualityComparer.Default.Equals(indexer.Property.ContainingType, nameValueCollection)
                    && SetsPersistentJobStore(indexer.Arguments.Select(a => a.Value).Concat(new[] { assignment.Value }).ToList()))
                {
                    Interlocked.Exchange(ref quartzPersisted, 1);
                }
            },
            OperationKind.SimpleAssignment);

        start.RegisterCompilationEndAction(context =>
        {
            // An explicit UseInMemoryStore() is the place to fix; otherwise the first scheduler set up with the default store.
            if (Volatile.Read(ref quartzPersisted) == 0
                && (First(quartzSites.Where(s => s.Explicit).Select(s => s.Site)) ?? First(quartzSites.Select(s => s.Site))) is { } quartz)
            {
                Report(context, quartz, Jobs + " (Quartz RAMJobStore)");
            }

            if (Volatile.Read(ref backplane) == 0 && First(signalRSites) is { } signalR)
            {
                Report(context, signalR, Connections);
            }
        });
    }

    /// <summary>Once per compilation, at the first site in source order: stable whatever the analysis order.</summary>
    private static Site? First(System.Collections.Generic.IEnumerable<Site> sites) =>
        sites
            .OrderBy(s => s.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(s => s.Location.SourceSpan.Start)
            .FirstOrDefault();

    private static void Report(CompilationAnalysisContext context, Site site, string what) =>
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.InMemoryBackingStore, site.Location, ConfigDocuments.Properties(site.Symbol), site.ShortName, what));

    private static void Report(OperationAnalysisContext context, Location location, ISymbol symbol, string what) =>
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.InMemoryBackingStore, location, ConfigDocuments.Properties(symbol.QualifiedName()), symbol.ShortName(), what));

    /// <summary>ASP.NET Core's AddSignalR, and SignalR 2's app.MapSignalR() / RouteTable.Routes.MapHubs() (1.x).</summary>
    private static bool IsSignalRRegistration(IMethodSymbol method, string ns) =>
        (method.Name == "AddSignalR" && ns.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal)
            && method.ContainingType.ContainingAssembly?.Name.IndexOf("SignalR", StringComparison.OrdinalIgnoreCase) >= 0)
        || (method.Name is "MapSignalR" or "MapHubs" && (ns == "Owin" || ns.StartsWith("System.Web.Routing", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.AspNet.SignalR", StringComparison.Ordinal)));

    private static bool MayBeBackplane(string name) =>
        (name.StartsWith("Add", StringComparison.Ordinal) || name.StartsWith("Use", StringComparison.Ordinal) || name.StartsWith("Map", StringComparison.Ordinal))
        && BackplaneWords.Any(word => name.IndexOf(word, StringComparison.Ordinal) >= 0);

    /// <summary>A scale-out registration of a SignalR package (AddStackExchangeRedis on ISignalRServerBuilder, GlobalHost.DependencyResolver.UseRedis).</summary>
    private static bool IsSignalRScaleOut(IMethodSymbol method, string ns) =>
        ns.IndexOf("SignalR", StringComparison.Ordinal) >= 0
        || method.ContainingType.ContainingAssembly?.Name.IndexOf("SignalR", StringComparison.OrdinalIgnoreCase) >= 0
        || (method.IsExtensionMethod && method.Parameters.FirstOrDefault()?.Type.Name is "ISignalRServerBuilder" or "ISignalRBuilder");

    private static bool SetsPersistentJobStore(System.Collections.Generic.IReadOnlyList<IOperation> values) =>
        values.Count >= 2
        && values[0].ConstantValue is { HasValue: true, Value: string key } && key.Equals("quartz.jobStore.type", StringComparison.OrdinalIgnoreCase)
        && !(values[1].ConstantValue is { HasValue: true, Value: string store } && store.IndexOf("RAMJobStore", StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>
    /// quartz.jobStore.type set to an ADO.NET job store in a configuration file: the &lt;quartz&gt; section of app.config /
    /// web.config, a quartz.config properties file, or the "Quartz" section of appsettings.json.
    /// </summary>
    private static bool ConfiguresPersistentQuartzStore(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        foreach (var file in options.AdditionalFiles)
        {
            var name = ConfigDocuments.FileName(file.Path);
            if ((name.EndsWith(".config", StringComparison.OrdinalIgnoreCase) || ConfigDocuments.Classify(file.Path) == ConfigFileKind.AppSettingsJson)
                && file.GetText(cancellationToken)?.ToString() is { } text
                && text.IndexOf("jobStore.type", StringComparison.OrdinalIgnoreCase) >= 0
                && text.IndexOf("AdoJobStore", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Symbol names and locations only: holding operations until the end would keep every operation tree alive.</summary>
    private sealed class Site(ISymbol symbol, Location location, string? shortName = null)
    {
        public string Symbol { get; } = symbol.QualifiedName();

        public string ShortName { get; } = shortName ?? symbol.ShortName();

        public Location Location { get; } = location;
    }
}
