using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace StateLens.Rules.Shared;

/// <summary>Smaller report spans for calls that usually sit in fluent chains.</summary>
internal static class OperationLocations
{
    /// <summary>
    /// From the method name to the end of the call: "File(...)" in "new LoggerConfiguration()\n.WriteTo.File(...)", so a
    /// call in a multi-line builder chain is reported on its own line, not on the line where the chain starts.
    /// Language-neutral: the invoked expression is the first child node in C# and VB, its name the last child of that.
    /// </summary>
    public static Location FromMethodName(IInvocationOperation invocation)
    {
        var syntax = invocation.Syntax;
        if (syntax.ChildNodes().FirstOrDefault() is { } invoked)
        {
            var name = invoked.ChildNodes().LastOrDefault() is { } last && StartsWithName(last, invocation.TargetMethod.Name)
                ? last
                : StartsWithName(invoked, invocation.TargetMethod.Name) ? invoked : null;
            if (name is not null)
            {
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(name.SpanStart, syntax.Span.End));
            }
        }

        return syntax.GetLocation();
    }

    private static bool StartsWithName(SyntaxNode node, string name) =>
        node.GetFirstToken().ValueText.Equals(name, StringComparison.OrdinalIgnoreCase);
}
