using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL6001: reports uses of the Windows registry (Registry, RegistryKey, VB's My.Computer.Registry).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class RegistryAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.Registry);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var registryTypes = KnownSymbols.Types(
                start.Compilation,
                "Microsoft.Win32.Registry",
                "Microsoft.Win32.RegistryKey",
                "Microsoft.VisualBasic.MyServices.RegistryProxy");
            HostApiUsage.RegisterOutermost(start, Descriptors.Registry, registryTypes);
        });
    }
}
