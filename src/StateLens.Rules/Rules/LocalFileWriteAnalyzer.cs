using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL1001, SL1002, SL1004: reports local file-system writes, by where the written path is rooted: the application
/// folder (SL1001), the temp folder (SL1004) or anywhere else (SL1002). One detection, three outcomes. Mail delivered
/// to a pickup directory configured in web.config / app.config (system.net/mailSettings/smtp) is such a write too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class LocalFileWriteAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.FileWriteUnderAppFolder,
        Descriptors.FileWriteOutsideAppFolder,
        Descriptors.TempFileWrite);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ConfigDocuments.RegisterConfigFileAction(context, AnalyzePickupDirectory, analyzeJson: null);
        context.RegisterCompilationStartAction(start =>
        {
            var pathType = start.Compilation.GetTypeByMetadataName("System.IO.Path");
            if (pathType is null)
            {
                return;
            }

            var directoryType = start.Compilation.GetTypeByMetadataName("System.IO.Directory");
            var catalogue = FileWriteCatalogue.Create(start.Compilation);
            var classifier = new FilePathClassifier(start.Compilation);

            start.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    if (operation is IInvocationOperation invocation && IsTempApi(invocation.TargetMethod, pathType, directoryType))
                    {
                        var method = invocation.TargetMethod;
                        var path = classifier.Classify(invocation, operationContext.CancellationToken);
                        operationContext.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.TempFileWrite, operation.Syntax.GetLocation(), path.ToProperties(method.QualifiedName()), method.ShortName()));
                        return;
                    }

                    if (catalogue.Match(operation) is not { } write)
                    {
                        return;
                    }

                    var target = Target(write, classifier, operationContext.CancellationToken);
                    var descriptor = target.Kind switch
                    {
                        FilePathKind.AppRoot or FilePathKind.Relative => Descriptors.FileWriteUnderAppFolder,
                        FilePathKind.Temp => Descriptors.TempFileWrite,
                        _ => Descriptors.FileWriteOutsideAppFolder,
                    };

                    // A file made by Path.GetTempFileName() is reported once, at that call.
                    if (target.Kind == FilePathKind.Temp && target.CreatedByTempApi)
                    {
                        return;
                    }

                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        descriptor, operation.Syntax.GetLocation(), target.ToProperties(write.QualifiedName), write.ShortName, target.MessageText));
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment);
        });
    }

    private static FilePath Target(FileWrite write, FilePathClassifier classifier, System.Threading.CancellationToken cancellationToken)
    {
        if (write.WritesOwnConfig)
        {
            return FilePath.AppRoot("~/*.config");
        }

        if (write.WritesIisPickupDirectory)
        {
            return FilePath.Absolute(IisPickupDirectory);
        }

        if (write.Receiver is null)
        {
            return classifier.Classify(write.PathArgument, cancellationToken);
        }

        var receiver = classifier.Classify(write.Receiver, cancellationToken);
        return write.PathArgument is null
            ? receiver
            : FilePath.Join(ImmutableArray.Create(receiver, classifier.Classify(write.PathArgument, cancellationToken)), combine: true);
    }

    /// <summary>IIS's SMTP service folder (%SystemDrive%\inetpub\mailroot\Pickup), where PickupDirectoryFromIis delivers.</summary>
    private const string IisPickupDirectory = "C:/inetpub/mailroot/Pickup";

    /// <summary>
    /// &lt;smtp deliveryMethod="SpecifiedPickupDirectory"&gt; with its &lt;specifiedPickupDirectory pickupDirectoryLocation&gt;, or
    /// PickupDirectoryFromIis: every SmtpClient without settings of its own then writes each mail as a file there.
    /// </summary>
    private static void AnalyzePickupDirectory(AdditionalFileAnalysisContext context, XmlConfigDocument document)
    {
        if (document.Kind != ConfigFileKind.AppConfig)
        {
            return;
        }

        foreach (var smtp in document.Elements("smtp"))
        {
            if (smtp.Parent is not { } parent || !ConfigDocuments.Is(parent, "mailSettings"))
            {
                continue;
            }

            var method = ConfigDocuments.Attribute(smtp, "deliveryMethod")?.Trim();
            FilePath path;
            var reported = smtp;
            if (string.Equals(method, "PickupDirectoryFromIis", System.StringComparison.OrdinalIgnoreCase))
            {
                path = FilePath.Absolute(IisPickupDirectory);
            }
            else if (string.Equals(method, "SpecifiedPickupDirectory", System.StringComparison.OrdinalIgnoreCase))
            {
                var folder = smtp.Elements().FirstOrDefault(e => ConfigDocuments.Is(e, "specifiedPickupDirectory"));
                var location = folder is null ? null : ConfigDocuments.Attribute(folder, "pickupDirectoryLocation");
                reported = folder ?? smtp;
                path = string.IsNullOrWhiteSpace(location)
                    ? FilePath.Unknown("the pickup directory is set in code or not at all")
                    : location!.Trim().StartsWith("~", System.StringComparison.Ordinal) ? FilePath.AppRoot(location.Trim()) : FilePath.Constant(location.Trim());
            }
            else
            {
                continue;
            }

            var descriptor = path.Kind is FilePathKind.AppRoot or FilePathKind.Relative ? Descriptors.FileWriteUnderAppFolder : Descriptors.FileWriteOutsideAppFolder;
            context.ReportDiagnostic(Diagnostic.Create(
                descriptor,
                document.StartTag(reported),
                path.ToProperties(document.Symbol(reported)),
                "smtp deliveryMethod=" + method,
                path.MessageText));
        }
    }

    private static bool IsTempApi(IMethodSymbol method, INamedTypeSymbol pathType, INamedTypeSymbol? directoryType) =>
        (method.Name == "GetTempFileName" && SymbolEqualityComparer.Default.Equals(method.ContainingType, pathType))
        || (method.Name == "CreateTempSubdirectory" && SymbolEqualityComparer.Default.Equals(method.ContainingType, directoryType));
}
