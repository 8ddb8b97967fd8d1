using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StateLens.CodeFixes;

/// <summary>
/// SL4002: a static collection that is filled at run time but never replaced gets <c>readonly</c>, so that the
/// field at least cannot be swapped under concurrent readers. The state itself stays: the diagnostic remains, and
/// moving the data to a shared store is the real remedy. Offered only where the field is private and assigned
/// nowhere but in its declaration and its type's static constructor, so the fix always compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeStaticFieldReadOnlyCodeFix)), Shared]
public sealed class MakeStaticFieldReadOnlyCodeFix : CodeFixProvider
{
    public const string StaticCollectionMutated = "SL4002";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(StaticCollectionMutated);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var declarator = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            if (declarator?.Parent?.Parent is not FieldDeclarationSyntax field
                || field.Declaration.Variables.Count != 1
                || model.GetDeclaredSymbol(declarator, context.CancellationToken) is not IFieldSymbol symbol
                || !await CanBeReadOnlyAsync(symbol, context.Document.Project.Solution, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{symbol.Name}' readonly",
                    cancellationToken => MakeReadOnlyAsync(context.Document, field, cancellationToken),
                    equivalenceKey: nameof(MakeStaticFieldReadOnlyCodeFix)),
                diagnostic);
        }
    }

    private static async Task<bool> CanBeReadOnlyAsync(IFieldSymbol field, Solution solution, CancellationToken cancellationToken)
    {
        if (!field.IsStatic || field.IsReadOnly || field.IsConst || field.DeclaredAccessibility != Accessibility.Private)
        {
            return false;
        }

        // A private field is only visible in its type's declarations (partial parts included).
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var document = solution.GetDocument(node.SyntaxTree);
            var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return false;
            }

            foreach (var name in node.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == field.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, field)
                    && IsWritten(name)
                    && !InStaticConstructor(name))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsWritten(IdentifierNameSyntax name)
    {
        SyntaxNode target = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return target.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == target,
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
            ArgumentSyntax { Parent: TupleExpressionSyntax { Parent: AssignmentExpressionSyntax deconstruction } tuple } => deconstruction.Left == tuple,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            RefExpressionSyntax => true,
            _ => false,
        };
    }

    private static bool InStaticConstructor(SyntaxNode node) =>
        node.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is { } constructor
        && constructor.Modifiers.Any(SyntaxKind.StaticKeyword)
        && node.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is null
        && node.FirstAncestorOrSelf<LocalFunctionStatementSyntax>() is null;

    private static async Task<Document> MakeReadOnlyAsync(Document document, FieldDeclarationSyntax field, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var modifiers = field.Modifiers;
        var staticIndex = modifiers.IndexOf(SyntaxKind.StaticKeyword);
        var readOnly = SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        var updated = field.WithModifiers(modifiers.Insert(staticIndex + 1, readOnly));
        return document.WithSyntaxRoot(root.ReplaceNode(field, updated));
    }
}
