using Scriban;
using Scriban.Runtime;

namespace StateLens.Scaffolding.Rendering;

/// <summary>
/// The Scriban templates of templates/scaffold/, embedded in this assembly; a file of the same name in
/// <see cref="ScaffoldOptions.TemplateDirectory"/> replaces the embedded one.
/// </summary>
internal sealed class TemplateSet
{
    private const string ResourcePrefix = "StateLens.Scaffolding.Templates.";
    private readonly string? overrideDirectory;
    private readonly Dictionary<string, Template> cache = new(StringComparer.Ordinal);

    public TemplateSet(string? overrideDirectory)
    {
        if (overrideDirectory is not null && !Directory.Exists(overrideDirectory))
        {
            throw new DirectoryNotFoundException($"Template folder '{overrideDirectory}' does not exist.");
        }

        this.overrideDirectory = overrideDirectory;
    }

    /// <summary>The names of the embedded templates ("compose.yaml.sbn", ...).</summary>
    public static IReadOnlyList<string> EmbeddedNames =>
        typeof(TemplateSet).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Renders a template with the given globals; LF line endings, one final newline.</summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> globals)
    {
        var template = Load(name);
        var context = new TemplateContext
        {
            // Only what the model exposes; a typo in a template is an error, not an empty string.
            EnableRelaxedMemberAccess = false,
            StrictVariables = true,
            MemberRenamer = StandardMemberRenamer.Default,
            LoopLimit = 100_000,
        };
        var script = new ScriptObject();
        foreach (var (key, value) in globals)
        {
            script.Add(key, value);
        }

        context.PushGlobal(script);
        var text = template.Render(context);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);

        // Conditional blocks leave blank lines behind; one blank line is enough anywhere.
        while (text.Contains("\n\n\n", StringComparison.Ordinal))
        {
            text = text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return text.TrimEnd('\n') + "\n";
    }

    private Template Load(string name)
    {
        if (cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        string text;
        string source;
        var overridePath = overrideDirectory is null ? null : Path.Combine(overrideDirectory, name);
        if (overridePath is not null && File.Exists(overridePath))
        {
            text = File.ReadAllText(overridePath);
            source = overridePath;
        }
        else
        {
            using var stream = typeof(TemplateSet).Assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"Template '{name}' is not embedded in {typeof(TemplateSet).Assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            text = reader.ReadToEnd();
            source = name;
        }

        var template = Template.Parse(text.Replace("\r\n", "\n", StringComparison.Ordinal), source);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"Template '{source}' has errors: {string.Join("; ", template.Messages.Select(m => m.ToString()))}");
        }

        cache[name] = template;
        return template;
    }
}
