using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL5004: reports connection strings whose database is a local file (LocalDB, AttachDbFilename, |DataDirectory|,
/// .mdf, SQL CE, SQLite) in configuration files and as constants passed to database APIs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class LocalDatabaseFileAnalyzer : DiagnosticAnalyzer
{
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
        var connections = KnownSymbols.Types(
            start.Compilation,
            "System.Data.SqlClient.SqlConnection",
            "Microsoft.Data.SqlClient.SqlConnection",
            "Microsoft.Data.Sqlite.SqliteConnection",
            "System.Data.SQLite.SQLiteConnection",
            "System.Data.SqlServerCe.SqlCeConnection",
            "System.Data.Entity.DbContext");
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
                if (method is null || !TakesConnectionString(method, connections))
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
    private static bool TakesConnectionString(IMethodSymbol method, ImmutableHashSet<INamedTypeSymbol> connections)
    {
        if (method.MethodKind == MethodKind.Constructor)
        {
            return method.ContainingType.IsOrInherits(connections);
        }

        return EfCoreProviderMethods.Contains(method.Name)
            && method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true;
    }
}
