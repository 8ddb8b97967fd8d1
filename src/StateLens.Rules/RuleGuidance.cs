using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace StateLens.Rules;

/// <summary>
/// What a team does about a rule's findings, declared next to its descriptor in <see cref="Descriptors"/>: the remedy,
/// whether the state pins the code to its host, and what to change in code once the container files give the state a place.
/// </summary>
public sealed class RuleGuidance
{
    public RuleGuidance(Remedy remedy, string containerAdvice, bool pinsToHost = false, string? systemWebAdvice = null)
    {
        Remedy = remedy;
        ContainerAdvice = containerAdvice;
        PinsToHost = pinsToHost;
        SystemWebAdvice = systemWebAdvice;
    }

    public Remedy Remedy { get; }

    /// <summary>True when findings keep the project on a VM (registry, MSMQ, drive letters...).</summary>
    public bool PinsToHost { get; }

    /// <summary>The code change still needed after scaffolding, for SDK-style (ASP.NET Core / modern .NET) projects.</summary>
    public string ContainerAdvice { get; }

    /// <summary>The code change for legacy System.Web projects when it differs from <see cref="ContainerAdvice"/>.</summary>
    public string? SystemWebAdvice { get; }

    public string AdviceFor(bool sdkStyle) => sdkStyle ? ContainerAdvice : SystemWebAdvice ?? ContainerAdvice;
}

/// <summary>One rule of the catalogue: its descriptor and its guidance.</summary>
public sealed class RuleEntry
{
    internal RuleEntry(DiagnosticDescriptor descriptor, RuleGuidance guidance)
    {
        Descriptor = descriptor;
        Guidance = guidance;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public RuleGuidance Guidance { get; }

    public string Id => Descriptor.Id;

    public string Category => Descriptor.Category;

    public Remedy Remedy => Guidance.Remedy;

    public bool PinsToHost => Guidance.PinsToHost;
}

/// <summary>The rule catalogue every consumer (engine, reports, scaffolds) reads; filled by <see cref="Descriptors"/>.</summary>
public static class RuleCatalogue
{
    /// <summary>Every rule, sorted by ID.</summary>
    public static IReadOnlyList<RuleEntry> All => Descriptors.Entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();

    /// <summary>The entry of a StateLens rule; throws for an ID the catalogue does not know, so a missing entry cannot pass unseen.</summary>
    public static RuleEntry Get(string ruleId) =>
        Descriptors.Entries.TryGetValue(ruleId, out var entry)
            ? entry
            : throw new KeyNotFoundException($"rule {ruleId} has no entry in the rule catalogue (Descriptors.cs)");

    public static bool TryGet(string ruleId, out RuleEntry? entry) => Descriptors.Entries.TryGetValue(ruleId, out entry);

    /// <summary>One line a team can act on, per remedy.</summary>
    public static string Explain(Remedy remedy) => remedy switch
    {
        Remedy.Volume => "mount a volume at the written directory (or move the files to blob storage)",
        Remedy.RedisSession => "move session state to a distributed store (Redis or SQL Server)",
        Remedy.DistributedCache => "move the shared data to a distributed cache or the database",
        Remedy.DataProtectionKeys => "share the key ring (persisted Data Protection keys or a fixed machineKey)",
        Remedy.ExternalService => "move the state into an external service (database, cache or broker)",
        Remedy.Refactor => "refactor the code away from the host facility",
        _ => throw new ArgumentOutOfRangeException(nameof(remedy), remedy, "not a remedy"),
    };
}
