using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>SL5001: reports web.config session state modes that keep sessions on one server (InProc, StateServer).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class SessionStateModeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.InProcSessionConfig);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ConfigDocuments.RegisterConfigFileAction(context, AnalyzeXml, analyzeJson: null);
    }

    private static void AnalyzeXml(AdditionalFileAnalysisContext context, XmlConfigDocument document)
    {
        if (document.Kind != ConfigFileKind.AppConfig)
        {
            return;
        }

        foreach (var element in document.Elements("sessionState"))
        {
            if (element.Parent is not { } parent || !ConfigDocuments.Is(parent, "system.web")
                || ConfigDocuments.Attribute(element, "configSource") is not null)
            {
                continue;
            }

            // A <sessionState> without mode (often written only for its timeout) runs in the default mode, InProc.
            var mode = ConfigDocuments.Attribute(element, "mode")?.Trim() ?? "InProc";
            if (mode.Equals("InProc", StringComparison.OrdinalIgnoreCase) || mode.Equals("StateServer", StringComparison.OrdinalIgnoreCase))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.InProcSessionConfig,
                    document.StartTag(element),
                    ConfigDocuments.Properties(document.Symbol(element)),
                    mode));
            }
        }
    }
}
