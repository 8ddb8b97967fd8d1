using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Engine.Tests.Model;

public sealed class ReasonTextTests
{
    [Theory]
    [InlineData(0.62, "62")]
    [InlineData(0.9499, "94.9")]
    [InlineData(0.29, "29")]
    [InlineData(0.99995, "99.9")]
    [InlineData(1.0, "100")]
    public void Percent_IsFlooredToATenth_SoALowShareNeverReadsAsTheThreshold(double share, string expected) =>
        Assert.Equal(expected, ReasonText.Percent(share));

    [Fact]
    public void NotProven_NamesTheBoundShare()
    {
        var binding = new BindingCoverage { Names = 1000, Unbound = 380 };

        Assert.Equal("62% bound", ReasonText.Bound(binding));
        Assert.Equal("verdict not proven: only 62% bound", ReasonText.NotProven(binding));
    }

    [Fact]
    public void RuleFindings_WordsEveryField()
    {
        var reason = new Reason
        {
            Kind = ReasonKind.RuleFindings,
            RuleId = "SL1001",
            Title = "File is written under the application folder",
            FindingCount = 5,
            ReachedThrough = ["Core", "Data"],
            Remedy = Remedy.Volume,
            Folders = ["App_Data/a", "App_Data/b", "App_Data/c", "App_Data/d", "App_Data/e"],
            NotReached = true,
        };

        Assert.Equal(
            "SL1001: File is written under the application folder (5 findings, reached through Core, Data): "
                + RuleCatalogue.Explain(Remedy.Volume) + " (App_Data/a; App_Data/b; App_Data/c; and 2 more); not reached from any entry point in the solution",
            reason.Text);
        Assert.Equal("SL6001: Windows registry is used (1 finding) ties it to its host", (reason with { RuleId = "SL6001", Title = "Windows registry is used", FindingCount = 1, ReachedThrough = [], PinsToHost = true, NotReached = false }).Text);
    }

    [Fact]
    public void EntryPointVerdict_CountsTheUnlistedFindings_AndTheCuts()
    {
        var reason = new Reason
        {
            Kind = ReasonKind.EntryPointVerdict,
            Verdict = Verdict.StatefulExternalizable,
            FindingCount = 5,
            Findings =
            [
                new FindingReference { RuleId = "SL1002", File = "a.cs", Line = 3, Remedy = Remedy.Volume, Folder = "/data" },
                new FindingReference { RuleId = "SL1002", File = "a.cs", Line = 9, Remedy = Remedy.Volume },
                new FindingReference { RuleId = "SL2001", File = "b.cs", Line = 1, Remedy = Remedy.RedisSession },
            ],
            UnlistedFindings = 2,
            ChainsShown = 50,
            ChainsFound = 60,
            SearchStoppedAfter = 2000,
        };

        Assert.Equal(
            "stateful-externalizable: SL1002 a.cs:3 -> volume at /data; SL1002 a.cs:9 -> volume (folder not resolved); SL2001 b.cs:1 -> redis-session; and 2 more"
                + " (showing 50 of 60 chains); the search stopped after 2000 members, so findings further away may be missing",
            reason.Text);
    }

    [Fact]
    public void ProjectAndTypeVerdicts_ReadAsBefore()
    {
        var blocker = new FindingReference { RuleId = "SL6001", File = "Lib/Settings.cs", Line = 12, Title = "Windows registry is used" };

        Assert.Equal(
            "VM: host-bound, blocked by SL6001 (Windows registry is used) at Lib/Settings.cs:12 (it has no entry points)",
            new Reason { Kind = ReasonKind.ProjectVerdict, Verdict = Verdict.HostBound, FindingCount = 1, Findings = [blocker], EntryPoints = 0 }.Text);
        Assert.Equal(
            "host-bound: SL6001 (Windows registry is used) at Lib/Settings.cs:12 keep it on a VM",
            new Reason { Kind = ReasonKind.TypeVerdict, Verdict = Verdict.HostBound, FindingCount = 2, Findings = [blocker] }.Text);
        Assert.Equal(
            "stateless: its 1 entry point reaches no state",
            new Reason { Kind = ReasonKind.TypeVerdict, Verdict = Verdict.Stateless, EntryPoints = 1 }.Text);
        Assert.Equal(
            "not proven: only 62% of its code bound, so state in the rest may be missing (12 references could not be resolved)",
            new Reason { Kind = ReasonKind.NotProven, CoverageShare = 0.62, LoadMessage = "12 references could not be resolved" }.Text);
    }
}
