using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Reporting;

/// <summary>The counts every output shows first, computed once from the model.</summary>
public sealed record ReportSummary(
    int Findings,
    IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyDictionary<string, int> BySeverity,
    IReadOnlyDictionary<string, int> ProjectsByVerdict,
    int ProjectsNotAnalysed)
{
    public static readonly string[] Severities = Enum.GetValues<Severity>().Select(ModelNames.Of).ToArray();
    public static readonly string[] Verdicts = Enum.GetValues<Verdict>().Select(ModelNames.Of).ToArray();

    public static ReportSummary From(AnalysisModel model) => new(
        model.Findings.Count,
        StateCategories.All.ToDictionary(c => c, c => model.Findings.Count(f => f.Category == c)),
        Severities.ToDictionary(s => s, s => model.Findings.Count(f => ModelNames.Of(f.Severity) == s)),
        Verdicts.ToDictionary(v => v, v => model.Projects.Count(p => ModelNames.Of(p.Verdict) == v)),
        model.Projects.Count(p => p.Verdict is null));
}
