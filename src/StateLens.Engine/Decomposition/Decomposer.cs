using StateLens.Engine.Model;

namespace StateLens.Engine.Decomposition;

/// <summary>Turns findings into verdicts: per project (and later per entry point), stateless, stateful-externalizable or host-bound.</summary>
public static class Decomposer
{
    public const string Stateless = "stateless";
    public const string StatefulExternalizable = "stateful-externalizable";
    public const string HostBound = "host-bound";

    public static AnalysisModel Decompose(AnalysisModel model, IReadOnlyList<ProjectGraph> graphs)
    {
        var projects = model.Projects.Select(project => Judge(project, model.Findings.Where(f => f.Project == project.Name).ToList())).ToList();
        return model with { Projects = projects };
    }

    private static ProjectSummary Judge(ProjectSummary project, IReadOnlyList<Finding> findings)
    {
        if (project.LoadStatus is "failed" or "skipped")
        {
            return project with { Verdict = null, Reasons = [$"not analysed: {project.LoadMessage}"] };
        }

        var byRule = findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var hostBound = byRule.Where(g => RuleRemedies.IsHostBound(g.Key)).ToList();
        if (hostBound.Count > 0)
        {
            return project with
            {
                Verdict = HostBound,
                Reasons = hostBound.Select(g => $"{g.Key}: {Describe(g)} ({g.Count()} finding{(g.Count() == 1 ? string.Empty : "s")}) ties it to its host")
                    .Concat(byRule.Except(hostBound).Select(g => Externalize(g)))
                    .ToList(),
            };
        }

        if (byRule.Count > 0)
        {
            return project with { Verdict = StatefulExternalizable, Reasons = byRule.Select(Externalize).ToList() };
        }

        return project with { Verdict = Stateless, Reasons = ["no state found: containerize as is and run many replicas"] };
    }

    private static string Externalize(IGrouping<string, Finding> group) =>
        $"{group.Key}: {Describe(group)} ({group.Count()} finding{(group.Count() == 1 ? string.Empty : "s")}): {RuleRemedies.Explain(RuleRemedies.For(group.Key))}";

    private static string Describe(IGrouping<string, Finding> group) => group.First().Category;
}
