#if ROSLYN_3_11
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

// RS1009: these interfaces are never implemented; the rules only test operations against them, and nothing a
// Roslyn 3.11 compiler builds is one, so the tests are false there as they should be.
#pragma warning disable RS1009
namespace Microsoft.CodeAnalysis.Operations
{
    /// <summary>
    /// Stand-in for Roslyn 4.x's attribute operation: Roslyn 3.11 never builds operations for attributes, so a test
    /// against this interface is simply never true there.
    /// </summary>
    internal interface IAttributeOperation : IOperation
    {
    }

    /// <summary>Stand-in for C# 12 collection expressions, which a Roslyn 3.11 compiler never produces.</summary>
    internal interface ICollectionExpressionOperation : IOperation
    {
        ImmutableArray<IOperation> Elements { get; }
    }
}
#pragma warning restore RS1009

namespace StateLens.Rules.Shared
{
    /// <summary>
    /// The few Roslyn 4.x APIs the rules use, written over what Roslyn 3.11 (Visual Studio 2019 16.11) offers, for the
    /// build of the analyzers that ships in analyzers/dotnet/roslyn3.11.
    /// </summary>
    internal static class RoslynCompat
    {
        /// <summary>Roslyn 4.10's ArgumentKind.ParamCollection; never produced by a 3.11 compiler.</summary>
        public const Microsoft.CodeAnalysis.Operations.ArgumentKind ParamCollection = (Microsoft.CodeAnalysis.Operations.ArgumentKind)4;

        extension(IOperation operation)
        {
            /// <summary>Roslyn 4.4's ChildOperations, over the older Children.</summary>
#pragma warning disable CS0618 // Children is what Roslyn 3.11 has; 4.x marks it obsolete in favour of ChildOperations.
            public IEnumerable<IOperation> ChildOperations => operation.Children;
#pragma warning restore CS0618
        }
    }
}
#else
namespace StateLens.Rules.Shared
{
    internal static class RoslynCompat
    {
        public const Microsoft.CodeAnalysis.Operations.ArgumentKind ParamCollection = Microsoft.CodeAnalysis.Operations.ArgumentKind.ParamCollection;
    }
}
#endif
