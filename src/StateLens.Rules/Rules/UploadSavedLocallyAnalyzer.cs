using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL1003: reports uploaded files saved to the local disk: HttpPostedFile(Base).SaveAs, the WebForms FileUpload.SaveAs,
/// and IFormFile.CopyTo/CopyToAsync (or a copy of the upload's stream) into a FileStream.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class UploadSavedLocallyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UploadSavedLocally);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var saveAsTypes = KnownSymbols.Types(
                compilation,
                "System.Web.HttpPostedFile",
                "System.Web.HttpPostedFileBase",
                "System.Web.UI.WebControls.FileUpload",
                "AjaxControlToolkit.AsyncFileUpload",
                "Telerik.Web.UI.UploadedFile");
            var formFile = KnownSymbols.Type(compilation, "Microsoft.AspNetCore.Http.IFormFile");
            var stream = KnownSymbols.Type(compilation, "System.IO.Stream");
            var fileStream = KnownSymbols.Type(compilation, "System.IO.FileStream");
            if (saveAsTypes.IsEmpty && formFile is null)
            {
                return;
            }

            var classifier = new FilePathClassifier(compilation);
            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    IOperation? pathOperation;
                    if (method.Name == "SaveAs" && method.ContainingType.IsOrInherits(saveAsTypes))
                    {
                        pathOperation = FilePathClassifier.ArgumentNamed(invocation.Arguments, "filename");
                    }
                    else if (method.Name is "CopyTo" or "CopyToAsync" && IsUploadSource(invocation, method, formFile, saveAsTypes, stream)
                             && FilePathClassifier.ArgumentNamed(invocation.Arguments, "target", "destination") is { } target
                             && IsFileStream(target, fileStream, classifier, out var streamPath))
                    {
                        pathOperation = streamPath;
                    }
                    else
                    {
                        return;
                    }

                    var path = classifier.Classify(pathOperation, operationContext.CancellationToken);
                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.UploadSavedLocally,
                        invocation.Syntax.GetLocation(),
                        path.ToProperties(method.QualifiedName()),
                        method.ShortName(),
                        path.MessageText));
                },
                OperationKind.Invocation);
        });
    }

    /// <summary>IFormFile.CopyTo(Async), or Stream.CopyTo(Async) on IFormFile.OpenReadStream() / HttpPostedFile(Base).InputStream.</summary>
    private static bool IsUploadSource(
        IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol? formFile, ImmutableHashSet<INamedTypeSymbol> postedFileTypes, INamedTypeSymbol? stream)
    {
        if (method.ContainingType.IsOrInherits(formFile))
        {
            return true;
        }

        if (!method.ContainingType.IsOrInherits(stream) || invocation.Instance is null)
        {
            return false;
        }

        var source = invocation.Instance;
        for (var depth = 0; depth < 3; depth++)
        {
            while (source is IConversionOperation conversion)
            {
                source = conversion.Operand;
            }

            switch (source)
            {
                case IInvocationOperation { TargetMethod.Name: "OpenReadStream" } open when open.TargetMethod.ContainingType.IsOrInherits(formFile):
                    return true;
                case IPropertyReferenceOperation { Property.Name: "InputStream" } input when input.Property.ContainingType.IsOrInherits(postedFileTypes):
                    return true;
                case IPropertyReferenceOperation { Property.Name: "FileContent" } content when content.Property.ContainingType.IsOrInherits(postedFileTypes):
                    return true;
                case ILocalReferenceOperation local when FilePathClassifier.LastValueOf(local) is { } value:
                    source = value;
                    continue;
            }

            return false;
        }

        return false;
    }

    private static bool IsFileStream(IOperation target, INamedTypeSymbol? fileStream, FilePathClassifier classifier, out IOperation? path)
    {
        path = classifier.FileStreamPathOf(target);
        if (path is not null)
        {
            return true;
        }

        while (target is IConversionOperation conversion)
        {
            target = conversion.Operand;
        }

        return target.Type.IsOrInherits(fileStream);
    }
}
