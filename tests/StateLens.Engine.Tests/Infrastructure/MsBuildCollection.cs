namespace StateLens.Engine.Tests.Infrastructure;

/// <summary>Tests that load solutions through MSBuild run one at a time: the locator and build host are process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MsBuildCollection
{
    public const string Name = "MSBuild";
}
