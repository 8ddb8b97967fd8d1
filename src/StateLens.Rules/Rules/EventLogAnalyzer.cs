using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL6002: reports writes to the Windows event log: EventLog.WriteEntry / WriteEvent / CreateEventSource (static or
/// instance), an EventLogTraceListener, and the ASP.NET Core AddEventLog logging provider.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class EventLogAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Writes and source registration. Reading entries, SourceExists checks and "new EventLog(...)" alone are not
    /// findings: they fail softly or do nothing on a host without an event log, and the write that follows is reported.
    /// </summary>
    private static readonly ImmutableHashSet<string> WriteMethods = ImmutableHashSet.Create("WriteEntry", "WriteEvent", "CreateEventSource");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.EventLog);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var eventLog = KnownSymbols.Type(start.Compilation, "System.Diagnostics.EventLog");
            var traceListener = KnownSymbols.Type(start.Compilation, "System.Diagnostics.EventLogTraceListener");
            var loggingBuilders = KnownSymbols.Types(
                start.Compilation, "Microsoft.Extensions.Logging.ILoggingBuilder", "Microsoft.Extensions.Logging.ILoggerFactory");
            if (eventLog is null && traceListener is null && loggingBuilders.IsEmpty)
            {
                return;
            }

            start.RegisterOperationAction(
                context =>
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                    var isWrite = WriteMethods.Contains(method.Name) && method.ContainingType.IsOrInherits(eventLog);
                    var isProvider = method.Name == "AddEventLog" && method.IsExtensionMethod
                        && method.Parameters.Length > 0 && method.Parameters[0].Type is INamedTypeSymbol extended && loggingBuilders.Contains(extended);
                    if (isWrite || isProvider)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.EventLog,
                            isProvider ? OperationLocations.FromMethodName(invocation) : invocation.Syntax.GetLocation(),
                            ConfigDocuments.Properties(method.QualifiedName()),
                            method.ShortName()));
                    }
                },
                OperationKind.Invocation);

            start.RegisterOperationAction(
                context =>
                {
                    var creation = (IObjectCreationOperation)context.Operation;
                    if (creation.Type.IsOrInherits(traceListener))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.EventLog,
                            creation.Syntax.GetLocation(),
                            ConfigDocuments.Properties(creation.Type!.QualifiedName()),
                            "new " + creation.Type!.Name));
                    }
                },
                OperationKind.ObjectCreation);
        });
    }
}
