using System.Globalization;
using StateLens.Rules;

namespace StateLens.Engine.Model;

/// <summary>
/// Words for the model's reasons and coverage: the one place they are phrased, so the HTML report, statelens.json,
/// the console and the scaffold README say the same thing. It lives next to the model because every writer may read
/// the model and none may read another writer.
/// </summary>
public static class ReasonText
{
    /// <summary>Folders named in one line; the rest are counted.</summary>
    private const int ItemsPerLine = 3;

    public static string Of(Reason reason) => reason.Kind switch
    {
        ReasonKind.NotAnalysed => $"not analysed: {reason.LoadMessage}",
        ReasonKind.ProjectVerdict => ProjectVerdict(reason),
        ReasonKind.NotProven => Invariant($"not proven: only {Percent(reason.CoverageShare ?? 0)}% of its code bound, so state in the rest may be missing ({reason.LoadMessage})"),
        ReasonKind.RuleFindings => RuleFindings(reason),
        ReasonKind.EntryPointVerdict => EntryPointVerdict(reason),
        ReasonKind.TypeVerdict => TypeVerdict(reason),
        _ => ModelNames.Of(reason.Kind),
    };

    /// <summary>"62% bound", "99.9% bound": the share floored to a tenth of a percent, so a project short of the threshold never reads as reaching it.</summary>
    public static string Bound(BindingCoverage binding) => $"{Percent(binding.Share)}% bound";

    /// <summary>The flag shown next to a verdict whose project bound too little: "verdict not proven: only 62% bound".</summary>
    public static string NotProven(BindingCoverage binding) => $"verdict not proven: only {Bound(binding)}";

    /// <summary>A share as a percentage, floored to one decimal ("62", "94.9", "100").</summary>
    public static string Percent(double share) =>
        (Math.Floor((share * 1000) + 1e-9) / 10).ToString("0.#", CultureInfo.InvariantCulture);

    private static string ProjectVerdict(Reason reason)
    {
        var entries = reason.EntryPoints ?? 0;
        var entryText = entries == 0 ? "it has no entry points" : Invariant($"{entries} entry point{Plural(entries)}");
        var findings = reason.FindingCount ?? 0;
        return reason.Verdict switch
        {
            Verdict.HostBound => $"VM: host-bound, blocked by {Blockers(reason)} ({entryText})",
            Verdict.StatefulExternalizable => Invariant($"containers after moving state out: {findings} finding{Plural(findings)} to externalize, no host-bound code ({entryText})"),
            Verdict.Stateless => $"containers as is: no state in its code{(entries > 0 ? $" or reached from its {entryText}" : string.Empty)}; run many replicas",
            _ => "not analysed",
        };
    }

    private static string RuleFindings(Reason reason)
    {
        var count = reason.FindingCount ?? 0;
        var line = Invariant($"{reason.RuleId}: {reason.Title ?? reason.RuleId} ({count} finding{Plural(count)}");
        if (reason.ReachedThrough.Count > 0)
        {
            line += $", reached through {string.Join(", ", reason.ReachedThrough)}";
        }

        line += ")";
        line += reason.PinsToHost
            ? " ties it to its host"
            : ": " + (reason.Remedy is { } remedy ? RuleCatalogue.Explain(remedy) : "no remedy recorded")
                + (reason.Folders.Count == 0 ? string.Empty : $" ({Limit(reason.Folders, reason.Folders.Count)})");
        return reason.NotReached ? line + NotReached : line;
    }

    private static string EntryPointVerdict(Reason reason)
    {
        var line = reason.Verdict == Verdict.Stateless && reason.MembersSearched is { } searched
            ? Invariant($"stateless: reaches no state ({searched} member{Plural(searched)} searched)")
            : VerdictLine(reason);
        if (reason is { ChainsShown: { } shown, ChainsFound: { } found })
        {
            line += Invariant($" (showing {shown} of {found} chains)");
        }

        if (reason.SearchStoppedAfter is { } budget)
        {
            line += Invariant($"; the search stopped after {budget} members, so findings further away may be missing");
        }

        return line;
    }

    private static string TypeVerdict(Reason reason)
    {
        var line = reason.Verdict == Verdict.Stateless && reason.EntryPoints is { } entries
            ? Invariant($"stateless: its {entries} entry point{Plural(entries)} reach{(entries == 1 ? "es" : string.Empty)} no state")
            : VerdictLine(reason);
        return reason.NotReached ? line + NotReached : line;
    }

    /// <summary>The verdict line an entry point and a type share: the blockers, or the remedy per finding.</summary>
    private static string VerdictLine(Reason reason) => reason.Verdict switch
    {
        Verdict.HostBound => $"host-bound: {Blockers(reason)} keep{(reason.FindingCount == 1 ? "s" : string.Empty)} it on a VM",
        Verdict.StatefulExternalizable => "stateful-externalizable: " + Limit(
            reason.Findings.Select(f => $"{f.RuleId} {Where(f)} -> {RemedyText(f)}").ToList(),
            reason.Findings.Count + reason.UnlistedFindings),
        _ => "stateless: no state found",
    };

    private const string NotReached = "; not reached from any entry point in the solution";

    private static string Blockers(Reason reason) => Limit(
        reason.Findings.Select(f => $"{f.RuleId} ({f.Title ?? f.RuleId}) at {Where(f)}").ToList(),
        reason.Findings.Count + reason.UnlistedFindings);

    private static string RemedyText(FindingReference finding) => finding.Remedy switch
    {
        null => "no remedy recorded",
        Remedy.Volume => finding.Folder is { } folder ? $"volume at {folder}" : "volume (folder not resolved)",
        { } remedy => ModelNames.Of(remedy),
    };

    /// <summary>The first items joined, and how many more there are of <paramref name="total"/>.</summary>
    private static string Limit(IReadOnlyList<string> items, int total)
    {
        var shown = items.Take(ItemsPerLine).ToList();
        var line = string.Join("; ", shown);
        return total > shown.Count ? line + Invariant($"; and {total - shown.Count} more") : line;
    }

    private static string Where(FindingReference finding) => Invariant($"{finding.File}:{finding.Line}");

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
