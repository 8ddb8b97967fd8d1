using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using StateLens.Engine.Loading;
using StateLens.Rules.Shared;
using CSharp = Microsoft.CodeAnalysis.CSharp.Syntax;
using VisualBasic = Microsoft.CodeAnalysis.VisualBasic.Syntax;

namespace StateLens.Engine.Analysis;

/// <summary>
/// The NHibernate configuration file a project names in code, <c>new Configuration().Configure("Config/hibernate.cfg.xml")</c>
/// (also through Server.MapPath, Path.Combine(AppDomain.CurrentDomain.BaseDirectory, ...), a constant or a parameter the
/// callers fill), handed to the analyzers like the configuration files of the project folder: a shared cfg.xml outside the
/// project folder, or one that is no project item, would otherwise never be read (SL3006). The path is the rules' own
/// classification of the argument, taken relative to the project folder (the application folder of a web project); only a
/// file inside the solution folder is read.
/// </summary>
internal static class NHibernateConfigurationFiles
{
    public static Project Add(Project project, Compilation compilation, string root, CancellationToken cancellationToken)
    {
        if (project.FilePath is null || KnownSymbols.Type(compilation, "NHibernate.Cfg.Configuration") is not { } configuration)
        {
            return project;
        }

        var folder = Path.GetDirectoryName(project.FilePath)!;
        var present = project.AdditionalDocuments.Select(d => d.FilePath).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var classifier = new FilePathClassifier(compilation);
        foreach (var path in NamedPaths(compilation, configuration, classifier, cancellationToken))
        {
            if (FileOf(path, folder, root) is not { } file || !present.Add(file) || ConfigurationFiles.TryRead(file) is not { } text)
            {
                continue;
            }

            project = project.AddAdditionalDocument(Path.GetFileName(file), text, filePath: file).Project;
        }

        return project;
    }

    /// <summary>The classified argument of every Configuration.Configure(string fileName) call.</summary>
    private static IEnumerable<FilePath> NamedPaths(Compilation compilation, INamedTypeSymbol configuration, FilePathClassifier classifier, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;

            // The method name only narrows the calls that are bound; the symbol decides.
            foreach (var call in tree.GetRoot(cancellationToken).DescendantNodes().Where(IsCallNamedConfigure))
            {
                model ??= compilation.GetSemanticModel(tree);
                if (model.GetOperation(call, cancellationToken) is IInvocationOperation
                    {
                        TargetMethod: { Name: "Configure", Parameters: [{ Type.SpecialType: SpecialType.System_String }] } method,
                        Arguments: [var argument],
                    }
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, configuration))
                {
                    yield return classifier.Classify(argument.Value, cancellationToken);
                }
            }
        }
    }

    private static bool IsCallNamedConfigure(SyntaxNode node) => node switch
    {
        CSharp.InvocationExpressionSyntax { Expression: CSharp.MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText == "Configure",
        VisualBasic.InvocationExpressionSyntax { Expression: VisualBasic.MemberAccessExpressionSyntax member } => string.Equals(member.Name.Identifier.ValueText, "Configure", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The existing file a classified path names, relative to the project folder, when it lies in the solution folder.</summary>
    private static string? FileOf(FilePath path, string projectFolder, string root)
    {
        var text = path.Text;
        if (text.Contains('{', StringComparison.Ordinal) || text.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        string relative;
        switch (path.Kind)
        {
            case FilePathKind.AppRoot:
                relative = text.TrimStart('~').TrimStart('/');
                break;
            case FilePathKind.Relative:
                relative = text;
                break;
            case FilePathKind.Absolute when Path.IsPathFullyQualified(text):
                relative = text;
                break;
            default:
                return null;
        }

        var full = Path.GetFullPath(Path.Combine(projectFolder, relative.Replace('/', Path.DirectorySeparatorChar)));
        var inRoot = Path.GetRelativePath(Path.GetFullPath(root), full);
        if (inRoot.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(inRoot))
        {
            return null;
        }

        return File.Exists(full) ? full : CaseInsensitivePath.Resolve(full) is { } real && File.Exists(real) ? real : null;
    }
}
