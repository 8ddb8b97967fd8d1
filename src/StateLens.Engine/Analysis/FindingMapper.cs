using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Analysis;

/// <summary>Turns one analyzer diagnostic into a model finding: location, code line, enclosing member, confidence, path facts.</summary>
internal static class FindingMapper
{
    public static Finding ToFinding(
        Diagnostic diagnostic,
        Compilation compilation,
        IReadOnlyDictionary<string, SourceText> additionalTexts,
        string project,
        string root,
        bool projectHasMissingReferences,
        CancellationToken cancellationToken)
    {
        // The mapped span: code extracted from a view (#line) is reported at the markup file's own line.
        var span = diagnostic.Location.GetMappedLineSpan();
        string? codeLine = null;
        string? member = null;
        string? anchorId = null;
        var confidence = Confidence.High;
        TextSpanInLine? codeSpan = null;
        if (diagnostic.Location.SourceTree is { } tree)
        {
            var text = span.HasMappedPath ? additionalTexts.GetValueOrDefault(span.Path) : tree.GetText(cancellationToken);
            if (text is not null && span.StartLinePosition.Line < text.Lines.Count)
            {
                (codeLine, codeSpan) = ModelCompletion.CodeLine(text.Lines[span.StartLinePosition.Line].ToString(), span);
            }

            var model = compilation.GetSemanticModel(tree);
            var enclosing = model.GetEnclosingSymbol(diagnostic.Location.SourceSpan.Start, cancellationToken);
            var declared = model.GetDeclaredSymbol(tree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan), cancellationToken);
            // Lambdas and local functions have no documentation ID: the chain ends at the member that contains them.
            var anchor = enclosing;
            while (anchor is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                anchor = anchor.ContainingSymbol;
            }

            anchorId = CallGraphBuilder.Id(declared ?? anchor);
            if (enclosing is not null && enclosing.Kind != SymbolKind.Namespace)
            {
                member = enclosing.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithParameterOptions(SymbolDisplayParameterOptions.None).WithMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType));
                if (projectHasMissingReferences && enclosing.DeclaringSyntaxReferences.FirstOrDefault() is { } declaration)
                {
                    var bindErrors = model.GetDiagnostics(declaration.Span, cancellationToken);
                    if (bindErrors.Any(d => d.Severity == DiagnosticSeverity.Error))
                    {
                        confidence = Confidence.Low;
                    }
                }
            }
        }
        else if (span.Path is { } path && additionalTexts.TryGetValue(path, out var additional) && span.StartLinePosition.Line < additional.Lines.Count)
        {
            (codeLine, codeSpan) = ModelCompletion.CodeLine(additional.Lines[span.StartLinePosition.Line].ToString(), span);
        }

        var properties = diagnostic.Properties;
        return new Finding
        {
            RuleId = diagnostic.Id,
            Category = diagnostic.Descriptor.Category,
            Severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => Severity.Error,
                DiagnosticSeverity.Warning => Severity.Warning,
                _ => Severity.Info,
            },
            File = Paths.Relative(root, span.Path ?? string.Empty),
            Line = span.StartLinePosition.Line + 1,
            Column = span.StartLinePosition.Character + 1,
            EndLine = span.EndLinePosition.Line + 1,
            EndColumn = span.EndLinePosition.Character + 1,
            Message = diagnostic.GetMessage(CultureInfo.InvariantCulture),
            Symbol = properties.GetValueOrDefault(FindingProperties.Symbol),
            Member = member,
            AnchorId = anchorId,
            Project = project,
            Confidence = confidence,
            CodeLine = codeLine,
            CodeSpan = codeSpan,
            RawPath = ModelCompletion.RawPath(properties),
            ConfigKey = properties.GetValueOrDefault(FindingProperties.ConfigKey),
        };
    }
}
