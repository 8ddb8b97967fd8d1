using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL5002: reports loggers that write local files: log4net file appenders, NLog File targets, file trace listeners and
/// Serilog File sinks in configuration files, and the same sinks created in code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class FileLoggerAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.FileLogger);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ConfigDocuments.RegisterConfigFileAction(context, AnalyzeXml, AnalyzeJson);
        context.RegisterCompilationStartAction(AnalyzeCode);
    }

    private static void AnalyzeXml(AdditionalFileAnalysisContext context, XmlConfigDocument document)
    {
        foreach (var sink in ConfigPatterns.FileSinks(document))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FileLogger,
                document.StartTag(sink.Element),
                ConfigDocuments.Properties(document.Symbol(sink.Element, sink.Name)),
                sink.Description));
        }
    }

    private static void AnalyzeJson(AdditionalFileAnalysisContext context, JsonConfigDocument document)
    {
        foreach (var sink in ConfigPatterns.FileSinks(document))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FileLogger,
                document.Location(sink.Value),
                ConfigDocuments.Properties(document.FileName + ":" + sink.EntryPath, sink.EntryPath),
                sink.Description));
        }
    }

    private static void AnalyzeCode(CompilationStartAnalysisContext start)
    {
        var compilation = start.Compilation;
        var serilogSinks = KnownSymbols.Types(
            compilation, "Serilog.Configuration.LoggerSinkConfiguration", "Serilog.Configuration.LoggerAuditSinkConfiguration");
        var loggingBuilders = KnownSymbols.Types(
            compilation, "Microsoft.Extensions.Logging.ILoggingBuilder", "Microsoft.Extensions.Logging.ILoggerFactory");
        var fileAppenders = KnownSymbols.Types(
            compilation,
            "log4net.Appender.FileAppender",
            "NLog.Targets.FileTarget",
            "Elmah.XmlFileErrorLog",
            "Microsoft.Practices.EnterpriseLibrary.Logging.TraceListeners.FlatFileTraceListener");
        var traceListeners = KnownSymbols.Types(
            compilation,
            "System.Diagnostics.TextWriterTraceListener",
            "System.Diagnostics.XmlWriterTraceListener",
            "System.Diagnostics.DelimitedListTraceListener");
        if (serilogSinks.IsEmpty && loggingBuilders.IsEmpty && fileAppenders.IsEmpty && traceListeners.IsEmpty)
        {
            return;
        }

        start.RegisterOperationAction(
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                if (!method.IsExtensionMethod || method.Parameters.Length == 0)
                {
                    return;
                }

                var extended = method.Parameters[0].Type;
                string? description = null;
                if (method.Name is "File" or "RollingFile" && extended is INamedTypeSymbol sinks && serilogSinks.Contains(sinks))
                {
                    description = "Serilog " + method.Name + " sink";
                }
                else if (method.Name == "AddFile" && extended is INamedTypeSymbol named && loggingBuilders.Contains(named))
                {
                    description = "File logging provider '" + method.ContainingType.Name + ".AddFile'";
                }

                if (description is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.FileLogger,
                        OperationLocations.FromMethodName(invocation),
                        ConfigDocuments.Properties(method.QualifiedName()),
                        description));
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

                // A trace listener over a Stream or TextWriter is not a file; the string overloads take a file name.
                var isFileSink = type.IsOrInherits(fileAppenders)
                    || (type.IsOrInherits(traceListeners) && creation.Constructor?.Parameters.FirstOrDefault()?.Type.SpecialType == SpecialType.System_String);
                if (isFileSink)
                {
                    var library = type.ContainingNamespace.ToDisplayString().Split('.')[0];
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.FileLogger,
                        creation.Syntax.GetLocation(),
                        ConfigDocuments.Properties(type.QualifiedName()),
                        library switch
                        {
                            "log4net" or "NLog" => library + " " + type.Name,
                            "Elmah" => "ELMAH " + type.Name,
                            _ => type.Name,
                        }));
                }
            },
            OperationKind.ObjectCreation);
    }
}
