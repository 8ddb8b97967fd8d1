using System.Text.Json;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Estate;

/// <summary>
/// The person-day weights of the effort estimate (docs/estate.md, "Effort"). The defaults are a starting point for
/// planning, not a measurement; a team replaces any of them with `statelens merge --effort weights.json`.
/// </summary>
public sealed record EffortWeights
{
    /// <summary>Per project kind: building, configuring and deploying it as a container (or on a VM).</summary>
    public required IReadOnlyDictionary<ProjectKind, decimal> Base { get; init; }

    /// <summary>Per remedy: the one-off cost in a project that needs it, and the cost per finding.</summary>
    public required IReadOnlyDictionary<Remedy, RemedyWeight> Remedies { get; init; }

    /// <summary>Rehosting a host-bound project on a VM (its state stays with it).</summary>
    public required decimal Vm { get; init; }

    public static EffortWeights Default { get; } = new()
    {
        Base = new Dictionary<ProjectKind, decimal>
        {
            [ProjectKind.Web] = 2m,
            [ProjectKind.Worker] = 1.5m,
            [ProjectKind.WindowsService] = 2m,
            [ProjectKind.Console] = 1m,
            // A library ships inside the applications that reference it: only its findings cost.
            [ProjectKind.Library] = 0m,
        },
        Remedies = new Dictionary<Remedy, RemedyWeight>
        {
            [Remedy.Volume] = new(0.5m, 0.25m),
            [Remedy.RedisSession] = new(2m, 0.25m),
            [Remedy.DistributedCache] = new(1m, 0.5m),
            [Remedy.DataProtectionKeys] = new(0.5m, 0.1m),
            [Remedy.ExternalService] = new(2m, 0.5m),
            [Remedy.Refactor] = new(0m, 0.5m),
        },
        Vm = 3m,
    };

    /// <summary>A project's estimate: base, then the VM rehost for destination vm, else each remedy its findings need.</summary>
    public EffortEstimate Estimate(ProjectKind kind, Destination destination, IEnumerable<Finding> findings)
    {
        var baseDays = Tidy(Base[kind]);
        if (destination == Destination.Vm)
        {
            return new EffortEstimate { Base = baseDays, Vm = Vm, Remedies = [], Total = Tidy(baseDays + Vm) };
        }

        var remedies = findings
            .GroupBy(f => f.Remedy)
            .OrderBy(g => g.Key)
            .Select(g => new RemedyEffort(g.Key, g.Count(), Tidy(Remedies[g.Key].Once + (Remedies[g.Key].PerFinding * g.Count()))))
            .ToList();
        return new EffortEstimate { Base = baseDays, Vm = 0m, Remedies = remedies, Total = Tidy(baseDays + remedies.Sum(r => r.Days)) };
    }

    /// <summary>Person-days rounded to a hundredth, without trailing zeros (2.5, not 2.50), so every output prints them alike.</summary>
    public static decimal Tidy(decimal days) => Math.Round(days, 2, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;

    /// <summary>Reads a weights file; what it leaves out keeps its default. A misspelt key or a negative weight is a user error.</summary>
    public static EffortWeights Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserInputException($"cannot read the --effort file '{path}' ({e.Message}).");
        }

        try
        {
            return Parse(text);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new UserInputException($"the --effort file '{path}' is not valid: {e.Message} (see docs/estate.md, \"Effort\").");
        }
    }

    /// <summary>Parses weights JSON (<c>{ "base": { "web": 2 }, "remedies": { "volume": { "once": 0.5, "perFinding": 0.25 } }, "vm": 3 }</c>) over the defaults.</summary>
    public static EffortWeights Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = Expect(document.RootElement, JsonValueKind.Object, "the file");
        var baseDays = new Dictionary<ProjectKind, decimal>(Default.Base);
        var remedies = new Dictionary<Remedy, RemedyWeight>(Default.Remedies);
        var vm = Default.Vm;
        foreach (var section in root.EnumerateObject())
        {
            switch (section.Name)
            {
                case "base":
                    foreach (var entry in Expect(section.Value, JsonValueKind.Object, "'base'").EnumerateObject())
                    {
                        baseDays[Key<ProjectKind>(entry.Name, "base")] = Days(entry.Value, $"base.{entry.Name}");
                    }

                    break;
                case "remedies":
                    foreach (var entry in Expect(section.Value, JsonValueKind.Object, "'remedies'").EnumerateObject())
                    {
                        var remedy = Key<Remedy>(entry.Name, "remedies");
                        var weight = remedies[remedy];
                        foreach (var part in Expect(entry.Value, JsonValueKind.Object, $"'remedies.{entry.Name}'").EnumerateObject())
                        {
                            weight = part.Name switch
                            {
                                "once" => weight with { Once = Days(part.Value, $"remedies.{entry.Name}.once") },
                                "perFinding" => weight with { PerFinding = Days(part.Value, $"remedies.{entry.Name}.perFinding") },
                                _ => throw new FormatException($"unknown key 'remedies.{entry.Name}.{part.Name}'; use once or perFinding"),
                            };
                        }

                        remedies[remedy] = weight;
                    }

                    break;
                case "vm":
                    vm = Days(section.Value, "vm");
                    break;
                default:
                    throw new FormatException($"unknown key '{section.Name}'; use base, remedies or vm");
            }
        }

        return new EffortWeights { Base = baseDays, Remedies = remedies, Vm = vm };
    }

    private static JsonElement Expect(JsonElement element, JsonValueKind kind, string what) =>
        element.ValueKind == kind ? element : throw new FormatException($"{what} must be a JSON object");

    private static TEnum Key<TEnum>(string name, string section)
        where TEnum : struct, Enum =>
        ModelNames.TryParse<TEnum>(name, out var value)
            ? value
            : throw new FormatException($"unknown key '{section}.{name}'; use {string.Join(", ", Enum.GetValues<TEnum>().Select(v => ModelNames.Of(v)))}");

    private static decimal Days(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var days) && days >= 0
            ? days
            : throw new FormatException($"'{what}' must be a number of person-days, zero or more");
}

/// <summary>A remedy's cost in one project: once when the project needs it at all, plus per finding.</summary>
public sealed record RemedyWeight(decimal Once, decimal PerFinding);
