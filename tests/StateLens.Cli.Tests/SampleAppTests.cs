using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StateLens.Cli.Tests;

/// <summary>The packed tool on a fresh copy of the bundled monolith: findings equal the `expect:` markers.</summary>
[Collection(ToolCollection.Name)]
public sealed partial class SampleAppTests(InstalledTool tool) : IAsyncLifetime
{
    private static readonly object Gate = new();
    private static Task<AnalysedSample>? analysedSample;

    private string sample = string.Empty;
    private string output = string.Empty;
    private ProcessResult firstRun = null!;
    private Dictionary<string, string> sourcesBefore = [];

    [GeneratedRegex(@"expect:\s*(SL\d{4}(?:\s*,\s*SL\d{4})*)")]
    private static partial Regex Marker();

    /// <summary>The copy of the sample, its hashes before the run, and the run: one analysis for every test of the class.</summary>
    private sealed record AnalysedSample(string Sample, string Output, ProcessResult FirstRun, Dictionary<string, string> SourcesBefore);

    public async Task InitializeAsync()
    {
        Task<AnalysedSample> analysis;
        lock (Gate)
        {
            analysis = analysedSample ??= AnalyseAsync(tool);
        }

        (sample, output, firstRun, sourcesBefore) = await analysis;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<AnalysedSample> AnalyseAsync(InstalledTool tool)
    {
        var root = Repository.NewTempDirectory("sample");
        var sample = Path.Combine(root, "sample-legacy-app");
        Repository.CopyTree(Path.Combine(Repository.Root, "sample-legacy-app"), sample);
        var sourcesBefore = HashSources(sample);
        var output = Path.Combine(root, "out");
        var firstRun = await tool.RunAsync(root, "analyze", sample, "--out", output);
        return new AnalysedSample(sample, output, firstRun, sourcesBefore);
    }

    [Fact]
    public void Run_Succeeds()
    {
        Assert.True(firstRun.ExitCode == 0, firstRun.ToString());
        Assert.True(File.Exists(Path.Combine(output, "statelens.json")), firstRun.ToString());
    }

    [Fact]
    public void Findings_EqualTheExpectMarkers()
    {
        var expected = ExpectedMarkers(sample);
        var actual = ReadFindings().Select(f => $"{f.File}:{f.Line} {f.RuleId}").ToHashSet();
        var missing = expected.Except(actual).Order().ToList();
        var unexpected = actual.Except(expected).Order().ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"missing (marked, not found):\n  {string.Join("\n  ", missing)}\nunexpected (found, not marked):\n  {string.Join("\n  ", unexpected)}");
        Assert.NotEmpty(expected);
    }

    [Fact]
    public void EveryProject_IsLoadedAndListed()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "statelens.json")));
        var projects = json.RootElement.GetProperty("projects").EnumerateArray().ToList();
        var solutionProjects = Directory.EnumerateFiles(sample, "*.*proj", SearchOption.AllDirectories).Count(p => !Repository.IsBuildOutput(Path.GetRelativePath(sample, p)));
        Assert.Equal(solutionProjects, projects.Count);
        Assert.All(projects, p => Assert.Equal("loaded", p.GetProperty("loadStatus").GetString()));
    }

    [Fact]
    public void ProjectVerdicts_EqualTheIntendedVerdictsInTheSampleReadme_ForEveryProject()
    {
        var readme = File.ReadAllText(Path.Combine(sample, "README.md"));
        var rows = ProjectRow().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        var intended = IntendedVerdict().Matches(readme).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "statelens.json")));
        var actual = json.RootElement.GetProperty("projects").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("verdict").GetString()!);

        // Every row of the table names a verdict the tool can give, and every project of the solution has a row.
        Assert.Equal(rows.Order(StringComparer.Ordinal), intended.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(actual.Keys.Order(StringComparer.Ordinal), intended.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(intended.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void EveryRule_HasAMarkedOccurrenceInTheSample()
    {
        var rules = Directory.GetFiles(Path.Combine(Repository.Root, "docs", "rules"), "SL*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var marked = ExpectedMarkers(sample).Select(m => m[(m.LastIndexOf(' ') + 1)..]).ToHashSet();
        Assert.NotEmpty(rules);
        var unmarked = rules.Where(r => !marked.Contains(r!)).ToList();
        Assert.True(unmarked.Count == 0, "rules with no `expect:` marker in sample-legacy-app: " + string.Join(", ", unmarked));
    }

    [GeneratedRegex(@"^\| `([\w.]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ProjectRow();

    [GeneratedRegex(@"^\| `([\w.]+)` \|[^\n]*?\| \*\*(stateless|stateful-externalizable|host-bound)\*\*", RegexOptions.Multiline)]
    private static partial Regex IntendedVerdict();

    [Fact]
    public void AnalysedSources_AreNotModified()
    {
        Assert.Equal(sourcesBefore, HashSources(sample));
    }

    [Fact]
    public async Task SecondRun_WritesByteIdenticalReports()
    {
        var second = Path.Combine(Path.GetDirectoryName(output)!, "out-again");
        var result = await tool.RunAsync(Path.GetDirectoryName(output)!, "analyze", sample, "--out", second);
        Assert.True(result.ExitCode == 0, result.ToString());
        var firstFiles = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order().ToList();
        var secondFiles = Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order().ToList();
        Assert.Equal(firstFiles, secondFiles);
        foreach (var file in firstFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(output, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs between runs");
        }
    }

    private sealed record FindingRow(string RuleId, string File, int Line);

    private List<FindingRow> ReadFindings()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "statelens.json")));
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new FindingRow(f.GetProperty("ruleId").GetString()!, f.GetProperty("file").GetString()!, f.GetProperty("line").GetInt32()))
            .ToList();
    }

    private static HashSet<string> ExpectedMarkers(string root)
    {
        var expected = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (Repository.IsBuildOutput(relative) || Path.GetFileName(file).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Marker().Matches(lines[i]))
                {
                    foreach (var id in match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
                    {
                        expected.Add($"{relative}:{i + 1} {id}");
                    }
                }
            }
        }

        return expected;
    }

    private static Dictionary<string, string> HashSources(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Repository.IsBuildOutput(Path.GetRelativePath(root, f)))
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
