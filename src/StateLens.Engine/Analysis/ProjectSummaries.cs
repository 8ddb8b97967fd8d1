using System.Globalization;
using Microsoft.CodeAnalysis;
using StateLens.Engine.Loading;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Analysis;

/// <summary>One project as the model shows it: how far it loaded and bound, its kind, references and finding counts.</summary>
internal static class ProjectSummaries
{
    public static ProjectSummary Summarize(
        LoadedProject loaded,
        ProjectAnalysis? result,
        string root,
        IReadOnlyList<WorkspaceDiagnostic> failures,
        IReadOnlyList<SolutionEntry> entries)
    {
        var (entry, info, project) = (loaded.Entry, loaded.Info, loaded.Project);
        LoadStatus status;
        string? message = null;
        var isWebSite = loaded.WebSiteMarkup is not null;
        if (isWebSite && result is null)
        {
            status = LoadStatus.Failed;
            message = "the Web Site folder could not be compiled";
        }
        else if (isWebSite)
        {
            status = result!.Problem is not null ? LoadStatus.Failed : result.MissingReferences.Count > 0 || result.Coverage is { BelowThreshold: true } ? LoadStatus.Partial : LoadStatus.Loaded;
            message = result.Problem ?? (status == LoadStatus.Partial ? CoverageMessage(result) : null);
        }
        else if (info is null)
        {
            status = LoadStatus.Failed;
            message = "the project file does not exist";
        }
        else if (info.ReadError is not null)
        {
            status = LoadStatus.Failed;
            message = $"the project file cannot be read: {info.ReadError}";
        }
        else if (!info.IsSupportedLanguage)
        {
            status = LoadStatus.Skipped;
            message = $"{info.Language} projects are not analysed (StateLens reads C# and Visual Basic)";
        }
        else if (result is null)
        {
            status = LoadStatus.Failed;
            var failure = failures.FirstOrDefault(f => f.Message.Contains(entry.FullPath, StringComparison.Ordinal))
                ?? failures.FirstOrDefault(f => entry.WrittenPath is { } written && f.Message.Contains(written, StringComparison.Ordinal));
            message = failure is null ? "MSBuild could not load the project" : Paths.Relativize(root, FirstLine(failure.Message));
        }
        else if (result.Problem is not null)
        {
            status = LoadStatus.Failed;
            message = result.Problem;
        }
        else if (result.MissingReferences.Count > 0 || result.Coverage is { BelowThreshold: true })
        {
            status = LoadStatus.Partial;
            message = CoverageMessage(result);
        }
        else
        {
            status = LoadStatus.Loaded;
        }

        if (status == LoadStatus.Loaded && result?.UnreadableFiles.Count > 0)
        {
            status = LoadStatus.Partial;
            message = $"{result.UnreadableFiles.Count} file(s) could not be read and were skipped: {string.Join(", ", result.UnreadableFiles.Select(f => Paths.Relative(root, f)))}";
        }

        var kind = isWebSite ? ProjectKinds.WebSite(loaded.WebSiteMarkup!) : ProjectKinds.Describe(info, project);
        var findings = result?.Findings ?? [];
        var references = info?.ProjectReferencePaths
            .Select(path => entries.FirstOrDefault(e => string.Equals(e.FullPath, path, StringComparison.Ordinal))?.Name ?? Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .ToList() ?? [];
        return new ProjectSummary
        {
            Name = entry.Name,
            Path = Paths.Relative(root, entry.FullPath),
            Language = info?.Language ?? (isWebSite ? (project?.Language == LanguageNames.VisualBasic ? "Visual Basic" : "C#") : Path.GetExtension(entry.FullPath).TrimStart('.')),
            TargetFramework = info?.TargetFramework ?? (isWebSite ? WebSiteProject.FrameworkVersion(entry) : null),
            Kind = kind.Kind,
            Frameworks = kind.Frameworks,
            SdkStyle = info?.SdkStyle ?? false,
            LoadStatus = status,
            LoadMessage = message,
            MissingReferences = result?.MissingReferences ?? [],
            Binding = result?.Coverage,
            ProjectReferences = references,
            Counts = StateCategories.All.ToDictionary(c => c, c => findings.Count(f => f.Category == c)),
        };
    }

    private static string CoverageMessage(ProjectAnalysis result)
    {
        var coverage = result.Coverage;
        var share = coverage is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{coverage.Share * 100:0.#}% of names bound ({coverage.Unbound} unbound)");
        var top = coverage?.TopUnbound.Take(3).Select(u => u.ProvidedBy is null ? u.Namespace : $"{u.Namespace} from {u.ProvidedBy}").ToList() ?? [];
        var missing = result.MissingReferences.Count > 0 ? $"{result.MissingReferences.Count} reference(s) did not bind" : string.Empty;
        var parts = new[] { share, missing }.Where(p => p.Length > 0);
        return string.Join("; ", parts)
            + (top.Count > 0 ? $"; missing: {string.Join(", ", top)}" : string.Empty)
            + "; findings in code that uses them have low confidence";
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
