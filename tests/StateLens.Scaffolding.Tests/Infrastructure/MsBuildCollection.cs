namespace StateLens.Scaffolding.Tests.Infrastructure;

/// <summary>Tests that load solutions through MSBuild run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MsBuildCollection
{
    public const string Name = "MSBuild";
}
