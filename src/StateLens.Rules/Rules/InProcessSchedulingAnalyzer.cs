using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL6004: reports timers, threads, thread-pool work items, fire-and-forget Task.Run / TaskFactory.StartNew and
/// HostingEnvironment.QueueBackgroundWorkItem in web code (a compilation that references System.Web or ASP.NET Core).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class InProcessSchedulingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InProcessScheduling);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // In a worker or Windows service a timer is the scheduler by design; only web code is expected to be request-driven.
            if (!IsWebCompilation(start.Compilation))
            {
                return;
            }

            var schedulers = KnownSymbols.Types(
                start.Compilation, "System.Threading.Timer", "System.Timers.Timer", "System.Threading.Thread");
            var hostingEnvironment = KnownSymbols.Type(start.Compilation, "System.Web.Hosting.HostingEnvironment");
            var threadPool = KnownSymbols.Type(start.Compilation, "System.Threading.ThreadPool");
            var task = KnownSymbols.Type(start.Compilation, "System.Threading.Tasks.Task");
            var taskFactories = KnownSymbols.Types(start.Compilation, "System.Threading.Tasks.TaskFactory", "System.Threading.Tasks.TaskFactory`1");

            start.RegisterOperationAction(
                context =>
                {
                    var creation = (IObjectCreationOperation)context.Operation;
                    if (creation.Type is INamedTypeSymbol type && schedulers.Contains(type))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.InProcessScheduling,
                            creation.Syntax.GetLocation(),
                            ConfigDocuments.Properties(type.QualifiedName()),
                            "new " + type.Name));
                    }
                },
                OperationKind.ObjectCreation);

            start.RegisterOperationAction(
                context =>
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    var method = invocation.TargetMethod;
                    var containing = method.ContainingType?.OriginalDefinition;
                    var schedules = (method.Name == "QueueBackgroundWorkItem" && SymbolEqualityComparer.Default.Equals(containing, hostingEnvironment))
                        || (method.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" && SymbolEqualityComparer.Default.Equals(containing, threadPool))
                        || (((method.Name == "Run" && SymbolEqualityComparer.Default.Equals(containing, task))
                                || (method.Name == "StartNew" && containing is not null && taskFactories.Contains(containing)))
                            && IsDiscarded(invocation));
                    if (schedules)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.InProcessScheduling,
                            invocation.Syntax.GetLocation(),
                            ConfigDocuments.Properties(invocation.TargetMethod.QualifiedName()),
                            invocation.TargetMethod.ShortName()));
                    }
                },
                OperationKind.Invocation);
        });
    }

    /// <summary>
    /// A task nobody awaits, stores or returns: the statement <c>Task.Run(...);</c>, <c>_ = Task.Run(...)</c>, also through
    /// ContinueWith / ConfigureAwait chained on it. Awaited or kept tasks are the caller's own work and are not reported.
    /// </summary>
    private static bool IsDiscarded(IInvocationOperation invocation)
    {
        IOperation current = invocation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation
            || (current.Parent is IInvocationOperation chained && chained.Instance == current && chained.TargetMethod.Name is "ContinueWith" or "ConfigureAwait"))
        {
            current = current.Parent!;
        }

        return current.Parent switch
        {
            IExpressionStatementOperation => true,
            ISimpleAssignmentOperation { Target: IDiscardOperation } assignment => assignment.Value == current,
            _ => false,
        };
    }

    /// <summary>
    /// References ASP.NET Core, or is a library that references the .NET Framework System.Web. Not by assembly name
    /// alone: every .NET (Core) project references a "System.Web" facade that only forwards HttpUtility, so look for
    /// HttpApplication instead. ASP.NET (System.Web) sites are always libraries loaded by IIS; a Windows service or
    /// console tool (an exe) often references System.Web just for HttpUtility and is not web code.
    /// </summary>
    private static bool IsWebCompilation(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(assembly => assembly.Name.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase))
        || (compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary
            && KnownSymbols.Type(compilation, "System.Web.HttpApplication") is not null);
}
