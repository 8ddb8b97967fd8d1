using System;
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
        AnalyzeDefaultConnectionFactory(context, document);
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
    /// file names no other database: no connection string, or only local ones (those are reported themselves).
    /// </summary>
    private static void AnalyzeDefaultConnectionFactory(AdditionalFileAnalysisContext context, XmlConfigDocument document)
    {
        foreach (var factory in document.Elements("defaultConnectionFactory"))
        {
            var type = ConfigDocuments.Attribute(factory, "type") ?? "";
            if (factory.Parent is not { } parent || !ConfigDocuments.Is(parent, "entityFramework")
                || !(type.IndexOf("LocalDbConnectionFactory", StringComparison.OrdinalIgnoreCase) >= 0
                    || type.IndexOf("SqlCeConnectionFactory", StringComparison.OrdinalIgnoreCase) >= 0)
                || NamesServerDatabase(document))
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
}
