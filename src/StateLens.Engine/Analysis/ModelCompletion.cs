using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Analysis;

/// <summary>
/// Puts into the model what the writers would otherwise read from the analysed folder: per project its assembly
/// name, runtime, secret names and build files; per file write its <see cref="WriteTarget"/>; the resources outside the
/// process the solution names (<see cref="ResourceInventory"/>). Secret values found in
/// the settings files are cut from every finding, so statelens.json alone is enough (and safe) to report and scaffold from.
/// </summary>
internal static class ModelCompletion
{
    public const string SecretRemoved = "<secret removed>";

    /// <param name="literals">Resources named by constants in code, from the analyzer pass (none when completing a model read back).</param>
    public static AnalysisModel Complete(AnalysisModel model, IEnumerable<ResourceLiteral>? literals = null)
    {
        var configurations = new Dictionary<string, ProjectConfiguration>(StringComparer.Ordinal);
        var projects = new List<ProjectSummary>();
        foreach (var project in model.Projects)
        {
            var projectFile = Path.GetFullPath(Path.Combine(model.RootDirectory, project.Path));
            var configuration = ProjectConfiguration.Load(Path.GetDirectoryName(projectFile)!);
            configurations[project.Name] = configuration;
            projects.Add(ProjectFacts.Describe(project, projectFile, model.RootDirectory) with { SecretNames = configuration.SecretNames() });
        }

        var secrets = configurations.Values.SelectMany(c => c.SecretValues())
            .Where(v => v.Length >= 4)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ThenBy(v => v, StringComparer.Ordinal)
            .ToList();
        var findings = model.Findings
            .Select(f => WritePathResolver.Resolve(f, configurations.GetValueOrDefault(f.Project) ?? ProjectConfiguration.Empty))
            .Select(f => secrets.Count == 0 ? f : Scrub(f, secrets))
            .ToList();
        // Whole seconds: the precision statelens.json keeps, so a model read back writes the same reports.
        var timestamp = model.Timestamp is { } t ? new DateTimeOffset(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset) : (DateTimeOffset?)null;
        var resources = ResourceInventory.Collect(model.RootDirectory, projects, findings, configurations, literals ?? []);
        return model with { Projects = projects, Findings = findings, Timestamp = timestamp, Resources = resources };
    }

    /// <summary>The trimmed source line and the reported span inside it.</summary>
    public static (string Line, TextSpanInLine? Span) CodeLine(string raw, FileLinePositionSpan span)
    {
        var trimmed = raw.Trim();
        var indent = raw.Length - raw.TrimStart().Length;
        var start = span.StartLinePosition.Character - indent;
        var end = (span.EndLinePosition.Line == span.StartLinePosition.Line ? span.EndLinePosition.Character : raw.TrimEnd().Length) - indent;
        if (start < 0 || start > trimmed.Length)
        {
            return (trimmed, null);
        }

        return (trimmed, new TextSpanInLine(start, Math.Clamp(end, start, trimmed.Length)));
    }

    /// <summary>The analyzer's path properties, when the finding has any.</summary>
    public static RawWritePath? RawPath(ImmutableDictionary<string, string?> properties)
    {
        var kindText = properties.GetValueOrDefault(FindingProperties.PathKind);
        var text = properties.GetValueOrDefault(FindingProperties.Path);
        var reason = properties.GetValueOrDefault(FindingProperties.PathReason);
        if (kindText is null && text is null)
        {
            return null;
        }

        var kind = ModelNames.TryParse<PathKind>(kindText, out var parsed) ? parsed : PathKind.Unknown;
        return new RawWritePath(kind, text, reason);
    }

    private static Finding Scrub(Finding finding, IReadOnlyList<string> secrets)
    {
        string? Cut(string? text)
        {
            if (text is null)
            {
                return null;
            }

            foreach (var secret in secrets)
            {
                text = text.Replace(secret, SecretRemoved, StringComparison.Ordinal);
            }

            return text;
        }

        var line = Cut(finding.CodeLine);
        return finding with
        {
            Message = Cut(finding.Message)!,
            Symbol = Cut(finding.Symbol),
            CodeLine = line,
            CodeSpan = string.Equals(line, finding.CodeLine, StringComparison.Ordinal) ? finding.CodeSpan : null,
            ConfigKey = Cut(finding.ConfigKey),
            Target = finding.Target is { } target
                ? target with { Values = target.Values.Select(v => v with { Value = Cut(v.Value)! }).ToList(), Reason = Cut(target.Reason) }
                : null,
        };
    }
}
