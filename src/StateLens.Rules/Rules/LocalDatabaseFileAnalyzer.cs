using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL5004: reports connection strings whose database is a local file (LocalDB, AttachDbFilename, |DataDirectory|,
/// .mdf, a local SQL Express instance, SQL CE, SQLite, an EF6 LocalDB/SQL CE default connection factory) in configuration
/// files and as constants passed to database APIs, and every LiteDB database opened from a file name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class LocalDatabaseFileAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Types whose constructors take a connection string (the engine's resource inventory reads the same list).</summary>
    internal static readonly string[] ConnectionTypes =
    {
        "System.Data.SqlClient.SqlConnection",
        "Microsoft.Data.SqlClient.SqlConnection",
        "Microsoft.Data.Sqlite.SqliteConnection",
        "System.Data.SQLite.SQLiteConnection",
        "System.Data.SqlServerCe.SqlCeConnection",
        "System.Data.Entity.DbContext",
    };

    internal static readonly string[] LiteDbTypes = { "LiteDB.LiteDatabase", "LiteDB.LiteRepository" };

    private static readonly ImmutableHashSet<string> EfCoreProviderMethods = ImmutableHashSet.Create("UseSqlite", "UseSqlServer", "UseSqlCe");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LocalDatabaseFile);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ConfigDocuments.RegisterConfigFileAction(context, AnalyzeXml, AnalyzeJson);
        context.RegisterCompilationStartAction(AnalyzeCode);
    }

    private static void AnalyzeXml(AdditionalFileAnalysisContext context, XmlConfigDocument document)
    {
        foreach (var element in document.Elements("add"))
        {
            if (element.Parent is not { } parent || !ConfigDocuments.Is(parent, "connectionStrings")
                || !ConfigPatterns.IsLocalDatabase(ConfigDocuments.Attribute(element, "connectionString")))
            {
                continue;
            }

            var name = ConfigDocuments.Attribute(element, "name");
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LocalDatabaseFile,
                document.StartTag(element),
                ConfigDocuments.Properties(document.Symbol(element, name), "connectionStrings:" + name),
                name ?? "connection string"));
        }
    }

    /// <summary>
    /// EF6's &lt;entityFramework&gt;&lt;defaultConnectionFactory type="...LocalDbConnectionFactory"&gt; (or SqlCeConnectionFactory)
    /// makes every DbContext without a connection string of its own create a LocalDB or SQL CE database on this machine.
    /// The EF6 package writes the LocalDB factory into every config it installs into, so it is reported only when the
    /// file names no other database (no connection string, or only local ones, which are reported themselves) and some
    /// DbContext may fall back to it: see <see cref="ContextConnections"/>.
    /// </summary>
    private static void AnalyzeDefaultConnectionFactories(CompilationAnalysisContext context, ContextConnections contexts)
    {
        foreach (var file in context.Options.AdditionalFiles)
        {
            if (ConfigDocuments.Classify(file.Path) != ConfigFileKind.AppConfig
                || ConfigDocuments.LoadXml(file, context.CancellationToken) is not { } document)
            {
                continue;
            }

            foreach (var factory in document.Elements("defaultConnectionFactory"))
            {
                var type = ConfigDocuments.Attribute(factory, "type") ?? "";
                if (factory.Parent is not { } parent || !ConfigDocuments.Is(parent, "entityFramework")
                    || !(type.IndexOf("LocalDbConnectionFactory", StringComparison.OrdinalIgnoreCase) >= 0
                        || type.IndexOf("SqlCeConnectionFactory", StringComparison.OrdinalIgnoreCase) >= 0)
                    || NamesServerDatabase(document)
                    || !contexts.MayUseDefaultFactory(ConnectionStringNames(document)))
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.LocalDatabaseFile,
                    document.StartTag(factory),
                    ConfigDocuments.Properties(document.Symbol(factory)),
                    "EF6 defaultConnectionFactory"));
            }
        }
    }

    private static ImmutableHashSet<string> ConnectionStringNames(XmlConfigDocument document) =>
        document.Elements("add")
            .Where(add => add.Parent is { } parent && ConfigDocuments.Is(parent, "connectionStrings"))
            .Select(add => ConfigDocuments.Attribute(add, "name"))
            .Where(name => name is not null)
            .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase)!;

    /// <summary>A connection string to a server, or connection strings kept in another file (configSource), which may.</summary>
    private static bool NamesServerDatabase(XmlConfigDocument document) =>
        document.Elements("connectionStrings").Any(section => ConfigDocuments.Attribute(section, "configSource") is not null)
        || document.Elements("add").Any(add => add.Parent is { } parent && ConfigDocuments.Is(parent, "connectionStrings")
            && ConfigDocuments.Attribute(add, "connectionString") is { } connectionString
            && !ConfigPatterns.IsLocalDatabase(connectionString));

    private static void AnalyzeJson(AdditionalFileAnalysisContext context, JsonConfigDocument document)
    {
        foreach (var value in document.Values)
        {
            if (ConfigPatterns.IsConnectionStringKey(value.Path) && ConfigPatterns.IsLocalDatabase(value.Value))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.LocalDatabaseFile,
                    document.Location(value),
                    ConfigDocuments.Properties(document.Symbol(value), value.Path),
                    value.Path.Substring(value.Path.LastIndexOf(':') + 1)));
            }
        }
    }

    /// <summary>
    /// Only constant connection strings: one read from configuration is reported in the configuration file, where
    /// it can be fixed, and reporting every UseSqlite(Configuration...) call as well would count it twice.
    /// </summary>
    private static void AnalyzeCode(CompilationStartAnalysisContext start)
    {
        var connections = KnownSymbols.Types(start.Compilation, ConnectionTypes);
        var liteDb = KnownSymbols.Types(start.Compilation, LiteDbTypes);
        var classifier = new FilePathClassifier(start.Compilation);
        var contexts = new ContextConnections(start.Compilation);
        start.RegisterOperationAction(contexts.Record, OperationKind.Invocation);
        start.RegisterCompilationEndAction(end => AnalyzeDefaultConnectionFactories(end, contexts));

        start.RegisterOperationAction(
            context =>
            {
                var (method, arguments) = context.Operation switch
                {
                    IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                    IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                    _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                };
                if (method is null)
                {
                    return;
                }

                if (method.MethodKind == MethodKind.Constructor && liteDb.Contains(method.ContainingType.OriginalDefinition))
                {
                    ReportLiteDb(context, method, arguments);
                    return;
                }

                if (!TakesConnectionString(method, connections))
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter
                        && parameter.Name.IndexOf("connectionString", StringComparison.OrdinalIgnoreCase) >= 0
                        && ConnectionStringText(argument.Value, classifier, context.CancellationToken) is { } connectionString
                        && ConfigPatterns.IsLocalDatabase(connectionString))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.LocalDatabaseFile,
                            argument.Value.Syntax.GetLocation(),
                            ConfigDocuments.Properties(method.QualifiedName()),
                            connectionString));
                    }
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);
    }

    /// <summary>
    /// LiteDB is an embedded database: its connection string is a file name or "Filename=...", so every database it opens
    /// from a string is a local file, whatever the string is built from. Only a constant ":memory:" is not.
    /// </summary>
    private static void ReportLiteDb(OperationAnalysisContext context, IMethodSymbol constructor, ImmutableArray<IArgumentOperation> arguments)
    {
        var connection = arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String && a.ArgumentKind != ArgumentKind.DefaultValue);
        if (connection is null
            || (connection.Value.ConstantValue is { HasValue: true, Value: var constant }
                && (constant is not string text || text.IndexOf(":memory:", StringComparison.OrdinalIgnoreCase) >= 0)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LocalDatabaseFile,
            connection.Value.Syntax.GetLocation(),
            ConfigDocuments.Properties(constructor.QualifiedName()),
            constructor.ContainingType.Name));
    }

    /// <summary>
    /// A constant connection string, or one built in code around a file path: <c>$"Data Source={dbPath}"</c> or
    /// <c>"Data Source=" + Server.MapPath("~/App_Data/shop.sqlite")</c>, directly or through a local. The path parts are
    /// followed like a written file's path; parts read from configuration or parameters stay placeholders, so such a
    /// string is a local database only when its constant text or a followed path names the file.
    /// </summary>
    private static string? ConnectionStringText(IOperation value, FilePathClassifier classifier, System.Threading.CancellationToken cancellationToken)
    {
        if (value.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        var built = value;
        while (built is IConversionOperation conversion)
        {
            built = conversion.Operand;
        }

        if (built is ILocalReferenceOperation local)
        {
            built = FilePathClassifier.LastValueOf(local) ?? built;
        }

        if (built is not (IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }))
        {
            return null;
        }

        var path = classifier.Classify(built, cancellationToken);
        return path.Kind == FilePathKind.Unknown && path.Text == "*" ? null : path.Text;
    }

    /// <summary>EF Core provider methods, and constructors of connections and of EF6 contexts (base("...") included).</summary>
    internal static bool TakesConnectionString(IMethodSymbol method, ImmutableHashSet<INamedTypeSymbol> connections)
    {
        if (method.MethodKind == MethodKind.Constructor)
        {
            return method.ContainingType.IsOrInherits(connections);
        }

        return EfCoreProviderMethods.Contains(method.Name)
            && method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true;
    }

    /// <summary>
    /// How each EF6 DbContext of this compilation gets its connection, as EF6 decides it: a DbConnection or
    /// ObjectContext passed to the base constructor, or a constant full connection string, never touches the default
    /// factory; <c>base("name=X")</c> needs connection string X; <c>base("X")</c> and a parameterless base (or
    /// DbCompiledModel-only) constructor look up X, or the context's own name and full name, among the connection strings
    /// and fall back to the default factory when it is absent. A string that is not a constant, a chain to another
    /// source context's constructor, or an EF6 context in a referenced assembly (its constructors cannot be read) means
    /// the answer is not known, and the factory stays reported.
    /// </summary>
    private sealed class ContextConnections
    {
        private readonly Compilation compilation;
        private readonly INamedTypeSymbol? dbContext;
        private readonly INamedTypeSymbol? dbConnection;
        private readonly INamedTypeSymbol? objectContext;

        /// <summary>Per source constructor of a context: the connection string names it needs, or null when it cannot be told.</summary>
        private readonly ConcurrentDictionary<IMethodSymbol, Need> needs = new(SymbolEqualityComparer.Default);

        public ContextConnections(Compilation compilation)
        {
            this.compilation = compilation;
            dbContext = KnownSymbols.Type(compilation, "System.Data.Entity.DbContext");
            dbConnection = KnownSymbols.Type(compilation, "System.Data.Common.DbConnection");
            objectContext = KnownSymbols.Type(compilation, "System.Data.Entity.Core.Objects.ObjectContext");
        }

        /// <summary>Records the constructor initialiser (<c>: base(...)</c>, <c>: this(...)</c>, implicit base()) of a context's constructor.</summary>
        public void Record(OperationAnalysisContext context)
        {
            if (dbContext is null
                || context.Operation is not IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Constructor } target, Instance: IInstanceReferenceOperation } invocation
                || context.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                || !constructor.ContainingType.IsOrInherits(dbContext))
            {
                return;
            }

            var targetType = target.ContainingType.OriginalDefinition;
            Need need;
            if (SymbolEqualityComparer.Default.Equals(targetType, constructor.ContainingType.OriginalDefinition))
            {
                need = Need.Chained;
            }
            else if (!SymbolEqualityComparer.Default.Equals(targetType, dbContext))
            {
                need = Need.Unknown;
            }
            else
            {
                need = Classify(invocation, constructor.ContainingType);
            }

            needs[constructor.OriginalDefinition] = need;
        }

        private Need Classify(IInvocationOperation invocation, INamedTypeSymbol contextType)
        {
            foreach (var argument in invocation.Arguments)
            {
                var type = argument.Parameter?.Type;
                if (type.IsOrInherits(dbConnection) || type.IsOrInherits(objectContext))
                {
                    return Need.None;
                }

                if (type?.SpecialType == SpecialType.System_String)
                {
                    if (argument.Value.ConstantValue is not { HasValue: true, Value: string text })
                    {
                        return Need.Unknown;
                    }

                    text = text.Trim();
                    if (text.StartsWith("name=", StringComparison.OrdinalIgnoreCase))
                    {
                        return Need.Named(text.Substring("name=".Length).Trim());
                    }

                    return text.IndexOf('=') >= 0 ? Need.None : Need.Named(text);
                }
            }

            return Need.Named(contextType.Name, contextType.ToDisplayString());
        }

        /// <summary>
        /// True when some context of this compilation, or one EF6 context this compilation cannot see into, may use the
        /// default factory; also when EF6 itself does not bind (a legacy project whose packages were not restored).
        /// </summary>
        public bool MayUseDefaultFactory(ImmutableHashSet<string> connectionStringNames)
        {
            if (dbContext is null)
            {
                return true;
            }

            foreach (var type in SourceContexts(compilation.Assembly.GlobalNamespace))
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    var need = needs.TryGetValue(constructor.OriginalDefinition, out var recorded)
                        ? recorded
                        : Need.Named(type.Name, type.ToDisplayString());
                    if (need.IsUnknown || need.Names.Length > 0 && !need.Names.Any(connectionStringNames.Contains))
                    {
                        return true;
                    }
                }
            }

            // A context compiled into a referenced assembly: its base constructor call cannot be read.
            return compilation.SourceModule.ReferencedAssemblySymbols.Any(assembly =>
                !SymbolEqualityComparer.Default.Equals(assembly, dbContext!.ContainingAssembly)
                && assembly.Modules.Any(m => m.ReferencedAssemblySymbols.Any(r => SymbolEqualityComparer.Default.Equals(r, dbContext.ContainingAssembly)))
                && ContainsContext(assembly.GlobalNamespace, connectionStringNames));
        }

        private IEnumerable<INamedTypeSymbol> SourceContexts(INamespaceSymbol ns)
        {
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol inner)
                {
                    foreach (var type in SourceContexts(inner))
                    {
                        yield return type;
                    }
                }
                else if (member is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } type && type.Locations.Any(l => l.IsInSource)
                    && type.IsOrInherits(dbContext) && !SymbolEqualityComparer.Default.Equals(type, dbContext))
                {
                    yield return type;
                }
            }
        }

        /// <summary>A public, concrete EF6 context whose name is not a connection string of this file.</summary>
        private bool ContainsContext(INamespaceSymbol ns, ImmutableHashSet<string> connectionStringNames) =>
            ns.GetMembers().Any(member => member switch
            {
                INamespaceSymbol inner => ContainsContext(inner, connectionStringNames),
                INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, DeclaredAccessibility: Accessibility.Public } type =>
                    type.IsOrInherits(dbContext) && !connectionStringNames.Contains(type.Name) && !connectionStringNames.Contains(type.ToDisplayString()),
                _ => false,
            });

        private sealed class Need
        {
            public static readonly Need None = new(ImmutableArray<string>.Empty, false);
            public static readonly Need Unknown = new(ImmutableArray<string>.Empty, true);

            /// <summary>A constructor that calls another of its own type: that one decides.</summary>
            public static readonly Need Chained = new(ImmutableArray<string>.Empty, false);

            private Need(ImmutableArray<string> names, bool isUnknown)
            {
                Names = names;
                IsUnknown = isUnknown;
            }

            /// <summary>Connection string names EF6 tries; without any of them it falls back to the default factory.</summary>
            public ImmutableArray<string> Names { get; }

            public bool IsUnknown { get; }

            public static Need Named(params string[] names) => new(names.ToImmutableArray(), false);
        }
    }
}
