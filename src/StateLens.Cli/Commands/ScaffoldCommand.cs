namespace StateLens.Cli.Commands;

/// <summary>`statelens scaffold`: analyze, then write container files for the parts that can move (and statelens.json).</summary>
internal sealed class ScaffoldCommand : AnalyzeCommand
{
    protected override bool ScaffoldAlways => true;
}
