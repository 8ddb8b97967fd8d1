using System.Reflection;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Estate;

/// <summary>
/// Merges the analyses of many solutions into one <see cref="EstateModel"/>. It only reads each model's verdicts,
/// findings and resources, deciding nothing again; the inputs are sorted first, so their order never shows.
/// </summary>
public static class EstateMerger
{
    public static EstateModel Merge(IEnumerable<EstateInput> inputs, EffortWeights? weights = null)
    {
        weights ??= EffortWeights.Default;
        var sorted = inputs.OrderBy(i => i.Solution, StringComparer.Ordinal).ToList();
        if (sorted.Zip(sorted.Skip(1)).FirstOrDefault(p => string.Equals(p.First.Solution, p.Second.Solution, StringComparison.Ordinal)) is ({ } first, _))
        {
            throw new UserInputException($"the application '{first.Solution}' is given twice; merge each solution's statelens.json (or statelens-failure.json) once.");
        }

        if (sorted.FirstOrDefault(i => (i.Model is null) == (i.Failure is null)) is { } unclear)
        {
            throw new UserInputException($"the application '{unclear.Solution}' needs exactly one of an analysis or a failure reason.");
        }

        var shared = SharedResources(sorted);
        var sharedKeys = shared.Select(r => (r.Kind, r.Name)).ToHashSet();
        var applications = sorted.Select(i => Application(i, weights, sharedKeys)).ToList();
        var projects = applications.SelectMany(a => a.Projects).ToList();
        return new EstateModel
        {
            ToolVersion = typeof(EstateMerger).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0",
            EffortWeights = weights,
            Applications = applications,
            SharedResources = shared,
            Totals = new EstateTotals
            {
                Applications = applications.Count,
                ApplicationsFailed = applications.Count(a => a.Failure is not null),
                Projects = projects.Count,
                ProjectsByDestination = ByDestination(projects),
                ProjectsNotAnalysed = projects.Count(p => p.Destination is null),
                ProjectsNotProven = projects.Count(p => p.Destination is not null && !p.Proven),
                Findings = applications.Sum(a => a.Findings),
                Effort = EffortWeights.Tidy(applications.Sum(a => a.Effort)),
                SharedResources = shared.Count,
            },
        };
    }

    /// <summary>Stateless → container, externalizable → container after its state moves, host-bound → VM.</summary>
    public static Destination DestinationOf(Verdict verdict) => verdict switch
    {
        Verdict.Stateless => Destination.Container,
        Verdict.StatefulExternalizable => Destination.ContainerAfterStateMoves,
        _ => Destination.Vm,
    };

    private const string TestProjectNote = "test project: not deployed, so no effort";

    private static EstateApplication Application(EstateInput input, EffortWeights weights, HashSet<(ResourceKind, string)> sharedKeys)
    {
        if (input.Model is not { } model)
        {
            return new EstateApplication
            {
                Solution = input.Solution,
                Report = input.Report,
                Failure = input.Failure,
                Proven = false,
                ProjectsByDestination = ByDestination([]),
                ProjectsNotAnalysed = 0,
                Findings = 0,
                Counts = CountByCategory([]),
                Effort = 0m,
                Notices = 0,
                Projects = [],
                Resources = [],
            };
        }

        var findingsByProject = model.Findings.ToLookup(f => f.Project, StringComparer.Ordinal);
        var projects = model.Projects
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => Project(p, [.. findingsByProject[p.Name]], model.Resources, weights, sharedKeys))
            .ToList();
        var worst = model.Projects.Where(p => p.Verdict is not null).Select(p => p.Verdict!.Value).DefaultIfEmpty().Max();
        var anyAnalysed = model.Projects.Any(p => p.Verdict is not null);
        return new EstateApplication
        {
            Solution = input.Solution,
            Report = input.Report,
            ToolVersion = model.ToolVersion,
            Verdict = anyAnalysed ? worst : null,
            Destination = anyAnalysed ? DestinationOf(worst) : null,
            Proven = projects.All(p => p.Proven),
            ProjectsByDestination = ByDestination(projects),
            ProjectsNotAnalysed = projects.Count(p => p.Destination is null),
            Findings = model.Findings.Count,
            Counts = CountByCategory(model.Findings),
            Effort = EffortWeights.Tidy(projects.Sum(p => p.Effort?.Total ?? 0m)),
            Notices = model.Notices.Count,
            Projects = projects,
            Resources = model.Resources
                .Select(r => new ResourceReference(r.Kind, r.Name) { Shared = sharedKeys.Contains((r.Kind, r.Name)) })
                .Distinct()
                .OrderBy(r => r.Kind)
                .ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList(),
        };
    }

    private static EstateProject Project(ProjectSummary project, IReadOnlyList<Finding> findings, IReadOnlyList<Resource> resources, EffortWeights weights, HashSet<(ResourceKind, string)> sharedKeys)
    {
        var destination = project.Verdict is { } verdict ? DestinationOf(verdict) : (Destination?)null;
        var notProven = destination is not null && project.Binding is { BelowThreshold: true };
        return new EstateProject
        {
            Name = project.Name,
            Path = project.Path,
            Kind = project.Kind,
            LoadStatus = project.LoadStatus,
            Verdict = project.Verdict,
            Destination = destination,
            // A project that was not analysed has nothing proven about it either.
            Proven = destination is not null && !notProven,
            Bound = project.Binding?.Share,
            Note = destination is null
                ? $"not analysed: {project.LoadMessage ?? ModelNames.Of(project.LoadStatus)}"
                : notProven ? ReasonText.NotProven(project.Binding!)
                : project.IsTest ? TestProjectNote : null,
            Findings = findings.Count,
            Counts = CountByCategory(findings),
            Effort = destination is not { } d ? null : project.IsTest ? EffortEstimate.None : weights.Estimate(project.Kind, d, findings),
            SharedResources = resources
                .Where(r => sharedKeys.Contains((r.Kind, r.Name)) && r.Uses.Any(u => string.Equals(u.Project, project.Name, StringComparison.Ordinal)))
                .Select(r => new ResourceReference(r.Kind, r.Name) { Shared = true })
                .Distinct()
                .OrderBy(r => r.Kind)
                .ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList(),
        };
    }

    /// <summary>Resources whose kind and name appear in two or more applications; within one application they are no coupling.</summary>
    private static List<SharedResource> SharedResources(IReadOnlyList<EstateInput> inputs) =>
        inputs
            .Where(i => i.Model is not null)
            .SelectMany(i => i.Model!.Resources.Where(r => !r.IsAppLocal).Select(r => (i.Solution, Resource: r)))
            .GroupBy(x => (x.Resource.Kind, x.Resource.Name))
            .Where(g => g.Select(x => x.Solution).Distinct(StringComparer.Ordinal).Count() >= 2)
            .OrderBy(g => g.Key.Kind)
            .ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => new SharedResource
            {
                Kind = g.Key.Kind,
                Name = g.Key.Name,
                Applications = g
                    .GroupBy(x => x.Solution, StringComparer.Ordinal)
                    .OrderBy(a => a.Key, StringComparer.Ordinal)
                    .Select(a => new SharedResourceUser
                    {
                        Solution = a.Key,
                        Uses = Resource.InOrder(a.SelectMany(x => x.Resource.Uses)),
                    })
                    .ToList(),
            })
            .ToList();

    private static Dictionary<Destination, int> ByDestination(IReadOnlyList<EstateProject> projects) =>
        Enum.GetValues<Destination>().ToDictionary(d => d, d => projects.Count(p => p.Destination == d));

    /// <summary>Known categories in catalogue order, then any other category the findings carry, by name.</summary>
    private static Dictionary<string, int> CountByCategory(IReadOnlyCollection<Finding> findings) =>
        StateCategories.All
            .Concat(findings.Select(f => f.Category).Where(c => !StateCategories.All.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .ToDictionary(c => c, c => findings.Count(f => string.Equals(f.Category, c, StringComparison.Ordinal)), StringComparer.Ordinal);
}
