using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Engine.Model;
using StateLens.Rules.Rules;
using StateLens.Rules.Shared;

namespace StateLens.Engine.Analysis;

/// <summary>A resource named by a constant in code, and where.</summary>
internal sealed record ResourceLiteral(NamedResource Resource, ResourceUse Use);

/// <summary>
/// Collects the resources that constants in code name at the APIs that open them: connection strings given to
/// connections, builders and contexts (the SL5004 list), MSMQ paths given to MessageQueue, Redis configurations given to
/// StackExchange.Redis or ServiceStack.Redis, UNC paths given to System.IO (the SL5003 list). Runs in the rules' pass,
/// on the operation trees the compiler driver builds anyway; only the canonical names are kept, never the text.
/// </summary>
// Constructed by the engine and handed to CompilationWithAnalyzers; never loaded by a compiler (RS1001/RS1038).
#pragma warning disable RS1001
internal sealed class ResourceLiteralAnalyzer(string project, string root) : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    // The driver skips analyzers without descriptors; this one is hidden and never reported (RS2008).
#pragma warning disable RS2008
    private static readonly DiagnosticDescriptor Never = new("StateLensResources", "Resource literals", "Resource literals", "StateLens.Internal", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

    private static readonly string[] ConnectionStringBuilderTypes =
    [
        "System.Data.SqlClient.SqlConnectionStringBuilder",
        "Microsoft.Data.SqlClient.SqlConnectionStringBuilder",
        "System.Data.Common.DbConnectionStringBuilder",
    ];

    private static readonly string[] RedisTypes =
    [
        "StackExchange.Redis.ConnectionMultiplexer",
        "StackExchange.Redis.ConfigurationOptions",
        "ServiceStack.Redis.RedisClient",
        "ServiceStack.Redis.RedisManagerPool",
        "ServiceStack.Redis.PooledRedisClientManager",
        "ServiceStack.Redis.BasicRedisClientManager",
    ];

    private readonly ConcurrentBag<ResourceLiteral> found = [];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    /// <summary>What the pass found, once it is over.</summary>
    public IReadOnlyList<ResourceLiteral> Literals => [.. found];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var apis = new Apis(
                KnownSymbols.Types(start.Compilation, LocalDatabaseFileAnalyzer.ConnectionTypes),
                KnownSymbols.Types(start.Compilation, ConnectionStringBuilderTypes),
                KnownSymbols.Types(start.Compilation, LocalDatabaseFileAnalyzer.LiteDbTypes),
                KnownSymbols.Types(start.Compilation, "System.Messaging.MessageQueue"),
                KnownSymbols.Types(start.Compilation, RedisTypes),
                KnownSymbols.Types(start.Compilation, HardCodedMachinePathAnalyzer.FileApiTypes));
            start.RegisterOperationAction(c => Collect(c, apis), OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }

    private void Collect(OperationAnalysisContext context, Apis apis)
    {
        var (method, arguments) = context.Operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => (null, ImmutableArray<IArgumentOperation>.Empty),
        };
        if (method?.ContainingType is not { } type)
        {
            return;
        }

        var isConstructor = method.MethodKind == MethodKind.Constructor;
        if (isConstructor && type.IsOrInherits(apis.LiteDb))
        {
            // LiteDB's connection string is a file name or "Filename=...".
            foreach (var (value, text) in Constants(arguments, _ => true).Take(1))
            {
                Add(value, ResourceNames.ConnectionString(text.Contains('=', StringComparison.Ordinal) ? text : "Filename=" + text, connectionString: true, string.Empty));
            }
        }
        else if (LocalDatabaseFileAnalyzer.TakesConnectionString(method, apis.Connections) || (isConstructor && type.IsOrInherits(apis.Builders)))
        {
            foreach (var (value, text) in Constants(arguments, p => p.Name.Contains("connectionString", StringComparison.OrdinalIgnoreCase)))
            {
                Add(value, ResourceNames.ConnectionString(text, connectionString: true, string.Empty));
            }
        }
        else if (type.IsOrInherits(apis.Queues) && (isConstructor || method.Name is "Create" or "Exists" or "Delete" or "Purge"))
        {
            foreach (var (value, text) in Constants(arguments, p => p.Name == "path"))
            {
                Add(value, ResourceNames.Queue(text, anyPath: true));
            }
        }
        else if (type.IsOrInherits(apis.Redis))
        {
            var port = arguments.FirstOrDefault(a => a.Parameter is { Name: "port" } && a.ArgumentKind != ArgumentKind.DefaultValue)?.Value.ConstantValue;
            foreach (var (value, text) in Constants(arguments, p => p.Name.Contains("configuration", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("host", StringComparison.OrdinalIgnoreCase)))
            {
                var endpoint = port is { HasValue: true, Value: int number } ? text + ":" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) : text;
                foreach (var redis in ResourceNames.Redis(endpoint))
                {
                    Add(value, redis);
                }
            }
        }
        else if (type.IsOrInherits(apis.Files))
        {
            foreach (var argument in arguments.Where(a => a.Parameter is { } p && HardCodedMachinePathAnalyzer.IsPathParameter(p)))
            {
                var values = argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                    ? initializer.ElementValues
                    : [argument.Value];
                foreach (var value in values)
                {
                    if (HardCodedMachinePathAnalyzer.LeadingText(value) is { } text)
                    {
                        Add(value, ResourceNames.Share(text));
                    }
                }
            }
        }
    }

    /// <summary>Constant strings passed to the parameters <paramref name="takes"/> accepts (each element of a params array too).</summary>
    private static IEnumerable<(IOperation Value, string Text)> Constants(ImmutableArray<IArgumentOperation> arguments, Func<IParameterSymbol, bool> takes)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue || !takes(parameter))
            {
                continue;
            }

            var values = argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                ? initializer.ElementValues
                : [argument.Value];
            foreach (var value in values)
            {
                if (value.ConstantValue is { HasValue: true, Value: string text } && text.Length > 0)
                {
                    yield return (value, text);
                }
            }
        }
    }

    private void Add(IOperation value, NamedResource? resource)
    {
        if (resource is null)
        {
            return;
        }

        // The mapped span: code extracted from a view (#line) is named at the markup file's own line.
        var span = value.Syntax.GetLocation().GetMappedLineSpan();
        if (string.IsNullOrEmpty(span.Path))
        {
            return;
        }

        found.Add(new ResourceLiteral(resource, new ResourceUse { Project = project, File = Paths.Relative(root, span.Path), Line = span.StartLinePosition.Line + 1 }));
    }

    private sealed record Apis(
        ImmutableHashSet<INamedTypeSymbol> Connections,
        ImmutableHashSet<INamedTypeSymbol> Builders,
        ImmutableHashSet<INamedTypeSymbol> LiteDb,
        ImmutableHashSet<INamedTypeSymbol> Queues,
        ImmutableHashSet<INamedTypeSymbol> Redis,
        ImmutableHashSet<INamedTypeSymbol> Files);
}
