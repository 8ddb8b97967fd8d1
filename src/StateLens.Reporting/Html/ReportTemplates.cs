using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace StateLens.Reporting.Html;

/// <summary>
/// The report templates: the copies embedded in this assembly, each replaceable by a file of the same name in a
/// user's template folder. Every template is parsed before rendering so all syntax errors are reported at once.
/// </summary>
internal sealed class ReportTemplates : ITemplateLoader
{
    public const string MainTemplate = "report.sbn";
    private const string ResourcePrefix = "StateLens.Reporting.Templates.";

    private readonly string? overrideDirectory;
    private readonly Dictionary<string, Template> parsed = new(StringComparer.Ordinal);

    private ReportTemplates(string? overrideDirectory)
    {
        this.overrideDirectory = overrideDirectory;
    }

    public static IReadOnlyList<string> EmbeddedNames { get; } = typeof(ReportTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Loads and parses every template; throws <see cref="ReportTemplateException"/> listing all syntax errors.</summary>
    public static ReportTemplates Load(string? overrideDirectory)
    {
        if (overrideDirectory is not null && !Directory.Exists(overrideDirectory))
        {
            throw new DirectoryNotFoundException($"Template folder '{overrideDirectory}' does not exist.");
        }

        var templates = new ReportTemplates(overrideDirectory);
        var names = new SortedSet<string>(EmbeddedNames, StringComparer.Ordinal);
        if (overrideDirectory is not null)
        {
            foreach (var file in Directory.EnumerateFiles(overrideDirectory, "*.sbn"))
            {
                names.Add(Path.GetFileName(file));
            }
        }

        var errors = new List<string>();
        foreach (var name in names)
        {
            var (text, displayPath) = templates.ReadSource(name);
            var template = Template.Parse(text, displayPath);
            if (template.HasErrors)
            {
                errors.AddRange(template.Messages
                    .Where(m => m.Type == ParserMessageType.Error)
                    .Select(m => $"{displayPath}:{m.Span.Start.Line + 1}:{m.Span.Start.Column + 1}: {OneLine(m.Message)}"));
            }

            templates.parsed[name] = template;
        }

        if (errors.Count > 0)
        {
            throw new ReportTemplateException($"Report template has errors: {string.Join("; ", errors)}", errors);
        }

        if (!templates.parsed.ContainsKey(MainTemplate))
        {
            throw new ReportTemplateException($"Report template '{MainTemplate}' is missing.", [MainTemplate]);
        }

        return templates;
    }

    public Template Main => parsed[MainTemplate];

    /// <summary>Makes the parsed templates available to <c>include</c> without parsing them again.</summary>
    public void Register(TemplateContext context)
    {
        context.TemplateLoader = this;
        foreach (var (name, template) in parsed)
        {
            context.CachedTemplates[name] = template;
        }
    }

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var name = Path.GetFileName(templateName);
        if (!parsed.ContainsKey(name))
        {
            throw new ReportTemplateException(
                $"Report template error: {callerSpan.FileName}:{callerSpan.Start.Line + 1}: include '{templateName}' names no template",
                [$"{callerSpan.FileName}:{callerSpan.Start.Line + 1}"]);
        }

        return name;
    }

    public string? Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => ReadSource(templatePath).Text;

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult(Load(context, callerSpan, templatePath));

    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private (string Text, string DisplayPath) ReadSource(string name)
    {
        if (overrideDirectory is not null)
        {
            var path = Path.Combine(overrideDirectory, name);
            if (File.Exists(path))
            {
                return (File.ReadAllText(path), path);
            }
        }

        using var stream = typeof(ReportTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new ReportTemplateException($"Report template '{name}' is neither in the template folder nor built in.", [name]);
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), $"templates/report/{name}");
    }
}
