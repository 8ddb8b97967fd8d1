using StateLens.Engine;
using StateLens.Engine.Analysis;
using StateLens.Engine.Model;
using StateLens.Reporting;
using StateLens.Scaffolding.Tests.Infrastructure;

namespace StateLens.Scaffolding.Tests;

/// <summary>The real engine on a copy of the bundled sample: one write target per file write, the same in every output.</summary>
[Collection(MsBuildCollection.Name)]
public sealed class SampleAgreementTests
{
    [SkippableFact]
    public async Task Sample_ReportJsonComposeAndKubernetes_AgreeOnEveryWrite_AndTheSavedModelGivesTheSameFiles()
    {
        var sample = Repository.SampleApp;
        Skip.If(sample is null, "the sample app (sample-legacy-app/LegacyShop.sln) is not in this checkout");
        using var work = new TempFolder("sl-sample-agreement-");
        var root = Path.Combine(work.Path, "src");
        Copy(sample, root);

        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = Path.Combine(root, "LegacyShop.sln"), WorkDirectory = Path.Combine(work.Path, "engine") });
        var compared = Agreement.Check(model, Path.Combine(root, "out"));

        // Orders.Web's uploads and ReportWorker's reports and logs run on Linux images.
        Assert.True(compared >= 4, $"only {compared} mounts compared");
        Assert.Contains(model.Findings, f => f.Target is { MountPath: "/var/lib/orders/uploads", ConfigKey: "Storage:UploadPath" });
        Assert.Contains(model.Findings, f => f.Target is { MountPath: "/app/App_Data/uploads" });

        using var empty = new TempFolder("sl-sample-from-json-");
        var saved = Path.Combine(empty.Path, "statelens.json");
        File.WriteAllText(saved, JsonReportWriter.Render(model));
        var elsewhere = Path.Combine(empty.Path, "src");
        var read = JsonModelReader.Read(saved, elsewhere);

        Assert.Equal(JsonReportWriter.Render(model), JsonReportWriter.Render(read));
        Assert.Equal(SarifReportWriter.Render(model), SarifReportWriter.Render(read));
        Assert.Equal(HtmlReportWriter.Render(model), HtmlReportWriter.Render(read));
        Assert.Equal(
            ScaffoldWriter.Render(model, Path.Combine(root, "out"), new ScaffoldOptions()),
            ScaffoldWriter.Render(read, Path.Combine(elsewhere, "out"), new ScaffoldOptions()));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or ".vs"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
