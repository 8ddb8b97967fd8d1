using System.Text.RegularExpressions;

namespace StateLens.Cli.Tests;

[Collection(ToolCollection.Name)]
public sealed class CommandLineTests(InstalledTool tool)
{
    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var result = await tool.RunAsync(Repository.Root, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("analyze", result.StandardOutput);
        Assert.Contains("rules", result.StandardOutput);
    }

    [Fact]
    public async Task AnalyzeHelp_ListsItsOptions()
    {
        var result = await tool.RunAsync(Repository.Root, "analyze", "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--out", "--format", "--property", "--fail-on", "--quiet", "--no-restore", "--timestamp", "--templates" })
        {
            Assert.Contains(option, result.StandardOutput);
        }
    }

    [Fact]
    public async Task Version_PrintsTheVersionPrefix()
    {
        var props = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props"));
        var version = Regex.Match(props, "<VersionPrefix>(.+?)</VersionPrefix>").Groups[1].Value;
        var result = await tool.RunAsync(Repository.Root, "--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(version, result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Rules_ListsEveryRuleOfTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var documented = Regex.Matches(readme, @"^\| \[(SL\d{4})\]", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        var result = await tool.RunAsync(Repository.Root, "rules");
        Assert.Equal(0, result.ExitCode);
        var listed = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')[0]).ToList();
        Assert.Equal(documented.Order(), listed.Order());
    }

    [Fact]
    public async Task RulesWithAnId_PrintsThatRulesPageForEveryRule()
    {
        var pages = Directory.GetFiles(Path.Combine(Repository.Root, "docs", "rules"), "SL*.md").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var id = Path.GetFileNameWithoutExtension(page);
            var result = await tool.RunAsync(Path.GetTempPath(), "rules", id.ToLowerInvariant());
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(File.ReadAllText(page).Replace("\r\n", "\n", StringComparison.Ordinal), result.StandardOutput);
        }
    }

    [Fact]
    public async Task RulesWithAnUnknownId_IsAUserError()
    {
        var result = await tool.RunAsync(Repository.Root, "rules", "SL9999");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("statelens: error: there is no rule 'SL9999'; 'statelens rules' lists them.", result.StandardError.Trim());
    }

    [Fact]
    public async Task RulesHelpLinks_AllFollowTheRepositoryUrlProperty()
    {
        var props = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props"));
        var repository = Regex.Match(props, "<RepositoryUrl>(.+?)</RepositoryUrl>").Groups[1].Value.TrimEnd('/');
        Assert.StartsWith("https://", repository);
        var result = await tool.RunAsync(Repository.Root, "rules");
        var links = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToList();
        Assert.NotEmpty(links);
        foreach (var columns in links)
        {
            Assert.Equal($"{repository}/blob/main/docs/rules/{columns[0]}.md", columns[^1]);
        }
    }

    [Fact]
    public async Task UnknownFormat_IsAUserError()
    {
        var result = await tool.RunAsync(Repository.Root, "analyze", "sample-legacy-app", "--format", "pdf");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pdf", result.StandardError);
    }
}
