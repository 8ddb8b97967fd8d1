using System;
using System.Collections.Generic;
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
    /// <summary>Allocated once: every member body registers an action for these kinds.</summary>
    private static readonly ImmutableArray<OperationKind> WriteKinds = ImmutableArray.Create(
        OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.Invalid);

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
            var pathType = KnownSymbols.Type(start.Compilation, "System.IO.Path");
            if (pathType is null)
            {
                return;
            }

            var directoryType = KnownSymbols.Type(start.Compilation, "System.IO.Directory");
            var catalogue = FileWriteCatalogue.Create(start.Compilation);
            var classifier = new FilePathClassifier(start.Compilation);

            start.RegisterOperationBlockStartAction(block =>
            {
                var writes = new MemberWrites();
                block.RegisterOperationAction(
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

                        if (operation.Kind == OperationKind.Invalid || operation is IObjectCreationOperation { Type.TypeKind: TypeKind.Error }
                            || operation is ISimpleAssignmentOperation { Target.Kind: OperationKind.Invalid })
                        {
                            if (UnboundWrite(operation) is { } unbound)
                            {
                                var path = classifier.Classify(unbound.Path, operationContext.CancellationToken);
                                writes.Add(unbound.Path, Diagnostic.Create(
                                    Descriptor(path), operation.Syntax.GetLocation(), path.ToProperties(unbound.Symbol), unbound.ShortName, path.MessageText));
                            }

                            return;
                        }

                        if (catalogue.Match(operation) is not { } write)
                        {
                            return;
                        }

                        var target = Target(write, classifier, operationContext.CancellationToken);
                        var descriptor = Descriptor(target);

                        // A file made by Path.GetTempFileName() is reported once, at that call.
                        if (target.Kind == FilePathKind.Temp && target.CreatedByTempApi)
                        {
                            return;
                        }

                        writes.Add(write, Diagnostic.Create(
                            descriptor, operation.Syntax.GetLocation(), target.ToProperties(write.QualifiedName), write.ShortName, target.MessageText));
                    },
                    WriteKinds);
                block.RegisterOperationBlockEndAction(end =>
                {
                    foreach (var diagnostic in writes.OnePerWrittenPath())
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                });
            });
        });
    }

    private static DiagnosticDescriptor Descriptor(FilePath target) => target.Kind switch
    {
        FilePathKind.AppRoot or FilePathKind.Relative => Descriptors.FileWriteUnderAppFolder,
        FilePathKind.Temp => Descriptors.TempFileWrite,
        _ => Descriptors.FileWriteOutsideAppFolder,
    };

    private static readonly ImmutableHashSet<string> LuceneDirectories = ImmutableHashSet.Create(StringComparer.Ordinal, "SimpleFSDirectory", "MMapDirectory", "NIOFSDirectory");

    /// <summary>
    /// Writes through a package that did not bind (not restored on this machine), recognised where binding failed only,
    /// by names no other library uses: Lucene.Net's <c>new SimpleFSDirectory(path)</c> (MMap, NIOFS) and
    /// <c>FSDirectory.Open(path)</c>, and a <c>PickupDirectoryLocation</c> set on an unbound mail type (MarkdownMailer's
    /// MailSenderConfiguration, a wrapper of SmtpClient). Bound code never gets here: there the catalogue decides by symbol.
    /// Findings in code with binding errors carry low confidence.
    /// </summary>
    private static (IOperation Path, string Symbol, string ShortName)? UnboundWrite(IOperation operation)
    {
        if (operation is ISimpleAssignmentOperation assignment)
        {
            return LastName(assignment.Target.Syntax) == "PickupDirectoryLocation"
                ? (assignment.Value, "PickupDirectoryLocation", "PickupDirectoryLocation")
                : null;
        }

        if (operation.SemanticModel is not { } model)
        {
            return null;
        }

        var syntax = operation.Syntax;
        var firstChild = operation.ChildOperations.FirstOrDefault();
        if (syntax.GetFirstToken().ValueText.Equals("new", StringComparison.OrdinalIgnoreCase)
            && model.GetTypeInfo(syntax).Type is { TypeKind: TypeKind.Error } type && LuceneDirectories.Contains(type.Name) && firstChild is not null)
        {
            return (firstChild, "Lucene.Net.Store." + type.Name, "new " + type.Name);
        }

        // FSDirectory.Open(path): the invoked expression's last name is Open and its receiver is written FSDirectory.
        if (syntax.ChildNodes().FirstOrDefault() is { } invoked && LastName(invoked) == "Open"
            && invoked.ChildNodes().FirstOrDefault() is { } receiver && LastName(receiver) == "FSDirectory"
            && model.GetSymbolInfo(receiver).Symbol is null
            && operation.ChildOperations.FirstOrDefault(child => child.Syntax.SpanStart >= invoked.Span.End) is { } path)
        {
            return (path, "Lucene.Net.Store.FSDirectory.Open", "FSDirectory.Open");
        }

        return null;
    }

    private static string LastName(SyntaxNode node) => node.GetLastToken().ValueText;

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

    /// <summary>
    /// The writes of one member, reported once per written path: <c>new FileStream(target)</c> followed by
    /// <c>File.SetLastWriteTime(target, ...)</c>, or two deletes of <c>path</c> in two branches, are one written file.
    /// Paths are compared as the code writes them (whitespace aside), so two variables are two files. Creating the folder of
    /// a file the member writes (<c>Directory.CreateDirectory(Path.GetDirectoryName(target))</c>) is part of that write.
    /// </summary>
    private sealed class MemberWrites
    {
        private List<(string? Path, string? ParentOf, bool SetsMetadata, Diagnostic Diagnostic)>? writes;

        public void Add(FileWrite write, Diagnostic diagnostic) =>
            Add((PathText(write), ParentFolderOf(write), SetsMetadata(write.Api), diagnostic));

        /// <summary>A write recognised without its API's symbol (unbound code): keyed by its path alone.</summary>
        public void Add(IOperation path, Diagnostic diagnostic) => Add(("|" + Text(path), null, false, diagnostic));

        private void Add((string? Path, string? ParentOf, bool SetsMetadata, Diagnostic Diagnostic) entry)
        {
            lock (this)
            {
                writes ??= new List<(string?, string?, bool, Diagnostic)>();
                writes.Add(entry);
            }
        }

        public IEnumerable<Diagnostic> OnePerWrittenPath()
        {
            if (writes is null)
            {
                yield break;
            }

            var ordered = writes.OrderBy(w => w.Diagnostic.Location.SourceSpan.Start).ToList();
            var paths = new HashSet<string>(ordered.Where(w => w.Path is not null).Select(w => w.Path!), StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var write in ordered)
            {
                if (write.Path is null)
                {
                    yield return write.Diagnostic;
                    continue;
                }

                if (write.ParentOf is not null && paths.Contains(write.ParentOf))
                {
                    continue;
                }

                // Times and attributes set on a path the member also writes belong to that write.
                if (write.SetsMetadata && ordered.Any(other => !other.SetsMetadata && other.Path == write.Path))
                {
                    continue;
                }

                if (reported.Add(write.Path))
                {
                    yield return write.Diagnostic;
                }
            }
        }

        private static string? PathText(FileWrite write)
        {
            if (write.WritesOwnConfig || write.WritesIisPickupDirectory || (write.Receiver is null && write.PathArgument is null))
            {
                return null;
            }

            return Text(write.Receiver) + "|" + Text(write.PathArgument);
        }

        /// <summary>"|target" for Directory.CreateDirectory(Path.GetDirectoryName(target)): the key of the file whose folder it makes.</summary>
        private static string? ParentFolderOf(FileWrite write)
        {
            var argument = write.PathArgument;
            while (argument is IConversionOperation conversion)
            {
                argument = conversion.Operand;
            }

            return write.Api.Name == "CreateDirectory" && write.Receiver is null
                && argument is IInvocationOperation { TargetMethod.Name: "GetDirectoryName", Arguments.Length: 1 } getDirectoryName
                ? "|" + Text(getDirectoryName.Arguments[0].Value)
                : null;
        }

        private static bool SetsMetadata(ISymbol api) =>
            api is IPropertySymbol { ContainingType.Name: "FileSystemInfo" or "FileInfo" or "DirectoryInfo" }
            || api is IMethodSymbol method && method.Name.StartsWith("Set", StringComparison.Ordinal);

        private static string Text(IOperation? operation)
        {
            if (operation is null)
            {
                return "";
            }

            var text = operation.Syntax.ToString();
            var builder = new System.Text.StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }

    private static bool IsTempApi(IMethodSymbol method, INamedTypeSymbol pathType, INamedTypeSymbol? directoryType) =>
        (method.Name == "GetTempFileName" && SymbolEqualityComparer.Default.Equals(method.ContainingType, pathType))
        || (method.Name == "CreateTempSubdirectory" && SymbolEqualityComparer.Default.Equals(method.ContainingType, directoryType));
}
