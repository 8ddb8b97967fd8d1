using System.Globalization;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StateLens.Reporting.Html;

/// <summary>
/// The report templates: the copies embedded in this assembly, each replaceable by a file of the same name in a
/// user's template folder. Every template is parsed before rendering so all syntax errors are reported at once.
/// The estate report is a second set (templates/estate) that shares the solution report's styles.sbn, so both pages
/// keep one visual language and one override of styles.sbn restyles both.
/// </summary>
internal sealed class ReportTemplates : ITemplateLoader
{
    public const string MainTemplate = "report.sbn";
    public const string EstateMainTemplate = "estate.sbn";
    private const string ResourcePrefix = "StateLens.Reporting.Templates.";
    private const string EstateResourcePrefix = "StateLens.Reporting.EstateTemplates.";

    /// <summary>Templates of the solution report that the estate report includes as they are.</summary>
    private static readonly string[] SharedWithEstate = ["styles.sbn"];

    private readonly string? overrideDirectory;
    private readonly string resourcePrefix;
    private readonly string folder;
    private readonly string mainTemplate;
    private readonly Dictionary<string, Template> parsed = new(StringComparer.Ordinal);

    private ReportTemplates(string? overrideDirectory, string resourcePrefix, string folder, string mainTemplate)
    {
        this.overrideDirectory = overrideDirectory;
        this.resourcePrefix = resourcePrefix;
        this.folder = folder;
        this.mainTemplate = mainTemplate;
    }

    public static IReadOnlyList<string> EmbeddedNames { get; } = Embedded(ResourcePrefix);

    public static IReadOnlyList<string> EstateEmbeddedNames { get; } = Embedded(EstateResourcePrefix);

    private static string[] Embedded(string prefix) => typeof(ReportTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
        .Select(n => n[prefix.Length..])
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The estate report's templates (templates/estate plus the shared styles), parsed like <see cref="Load"/>.</summary>
    public static ReportTemplates LoadEstate(string? overrideDirectory) =>
        Load(new ReportTemplates(overrideDirectory, EstateResourcePrefix, "estate", EstateMainTemplate), [.. EstateEmbeddedNames, .. SharedWithEstate]);

    /// <summary>Loads and parses every template; throws <see cref="ReportTemplateException"/> listing all syntax errors.</summary>
    public static ReportTemplates Load(string? overrideDirectory) =>
        Load(new ReportTemplates(overrideDirectory, ResourcePrefix, "report", MainTemplate), EmbeddedNames);

    private static ReportTemplates Load(ReportTemplates templates, IEnumerable<string> embedded)
    {
        var overrideDirectory = templates.overrideDirectory;
        if (overrideDirectory is not null && !Directory.Exists(overrideDirectory))
        {
            throw new DirectoryNotFoundException($"Template folder '{overrideDirectory}' does not exist.");
        }

        var names = new SortedSet<string>(embedded, StringComparer.Ordinal);
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

        if (!templates.parsed.ContainsKey(templates.mainTemplate))
        {
            throw new ReportTemplateException($"Report template '{templates.mainTemplate}' is missing.", [templates.mainTemplate]);
        }

        return templates;
    }

    public Template Main => parsed[mainTemplate];

    /// <summary>Renders the main template over <paramref name="view"/>; a template that fails names its file:line:column.</summary>
    public string Render(object view)
    {
        var globals = new ScriptObject();
        globals.Import(view);
        var context = new TemplateContext
        {
            StrictVariables = true,
            // A misspelt member must fail loudly instead of rendering as an empty string.
            EnableRelaxedMemberAccess = false,
            LoopLimit = 0,
            LimitToString = 0,
            OutputLimit = 0,
            NewLine = "\n",
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        Register(context);

        try
        {
            return Main.Render(context).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (ScriptRuntimeException e)
        {
            var where = $"{e.Span.FileName}:{e.Span.Start.Line + 1}:{e.Span.Start.Column + 1}";
            throw new ReportTemplateException($"Report template error: {where}: {OneLine(e.OriginalMessage)}", [where], e);
        }
    }

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

        var (prefix, from) = resourcePrefix != ResourcePrefix && SharedWithEstate.Contains(name, StringComparer.Ordinal)
            ? (ResourcePrefix, "report")
            : (resourcePrefix, folder);
        using var stream = typeof(ReportTemplates).Assembly.GetManifestResourceStream(prefix + name)
            ?? throw new ReportTemplateException($"Report template '{name}' is neither in the template folder nor built in.", [name]);
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), $"templates/{from}/{name}");
    }
}
