using StateLens.Engine.Model;
using StateLens.Reporting;
using static StateLens.Tests.Shared.Yaml;

namespace StateLens.Scaffolding.Tests.Infrastructure;

/// <summary>Checks that the report, statelens.json, compose and Kubernetes name the same folder for every file write.</summary>
internal static class Agreement
{
    /// <summary>Asserts the agreement and returns how many mounts were compared with compose and Kubernetes.</summary>
    public static int Check(AnalysisModel model, string outputDirectory)
    {
        var html = HtmlReportWriter.Render(model);
        var saved = JsonModelReader.Parse(JsonReportWriter.Render(model), model.RootDirectory);
        var files = ScaffoldWriter.Render(model, outputDirectory, new ScaffoldOptions());
        var compose = files.TryGetValue("containers/compose.yaml", out var composeText) ? Map(Load(composeText)["services"]) : [];
        var compared = 0;
        var writes = model.Findings.Where(f => f.Target is not null).ToList();
        Assert.NotEmpty(writes);
        foreach (var finding in writes)
        {
            var target = finding.Target!;
            var where = $"{finding.RuleId} {finding.File}:{finding.Line}";
            var json = saved.Findings.Single(f => f.File == finding.File && f.Line == finding.Line && f.Column == finding.Column && f.RuleId == finding.RuleId).Target!;
            Assert.Equal(target with { Values = [] }, json with { Values = [] });
            Assert.Equal(target.Values, json.Values);
            if (target.MountPath is { } mount)
            {
                Assert.True(html.Contains($"<dt>In a container</dt><dd><code>{System.Net.WebUtility.HtmlEncode(mount)}</code></dd>", StringComparison.Ordinal), $"report lacks {mount} for {where}");
            }

            var project = model.Projects.Single(p => p.Name == finding.Project);
            var service = Planning.ScaffoldPlanner.ServiceName(project.Name);
            if (!compose.TryGetValue(service, out var composeService))
            {
                continue;
            }

            var volumes = Map(composeService).TryGetValue("volumes", out var list) ? List(list).Select(v => (string)Map(v)["target"]!).ToList() : [];
            var k8s = LoadAll(files[$"containers/k8s/{service}.yaml"]);
            var deployment = k8s.Single(d => (string?)d["kind"] == "Deployment");
            var container = Map(List(At(deployment, "spec", "template", "spec", "containers"))[0]);
            var mounts = container.TryGetValue("volumeMounts", out var m) ? List(m).Select(v => (string)Map(v)["mountPath"]!).ToList() : [];
            if (target.MountPath is { } path)
            {
                Assert.True(volumes.Any(v => Covers(v, path)), $"compose mounts no volume at {path} for {where}: {string.Join(", ", volumes)}");
                Assert.True(mounts.Any(v => Covers(v, path)), $"Kubernetes mounts nothing at {path} for {where}: {string.Join(", ", mounts)}");
                compared++;
            }
            else if (target.Temporary)
            {
                Assert.Contains("/tmp", mounts);
            }
            else
            {
                Assert.Contains($"{finding.File}:{finding.Line}", files["containers/README.md"], StringComparison.Ordinal);
            }
        }

        return compared;
    }

    /// <summary>A volume at the folder itself, or at a folder above it that the planner shares between nested writes.</summary>
    private static bool Covers(string volume, string path) => volume == path || path.StartsWith(volume + "/", StringComparison.Ordinal);
}
