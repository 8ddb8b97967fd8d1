using System.Text.Json;
using StateLens.Reporting.Tests.Infrastructure;

namespace StateLens.Reporting.Tests;

public sealed class JsonReportWriterTests
{
    [Fact]
    public void Reasons_AreObjectsWithTheirFactsAndTheirWords()
    {
        var model = TestModels.Monolith();

        var root = JsonDocument.Parse(JsonReportWriter.Render(model)).RootElement;

        Assert.Equal(4, root.GetProperty("schemaVersion").GetInt32());
        var projects = root.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        foreach (var project in model.Projects)
        {
            var written = projects[project.Name].GetProperty("reasons").EnumerateArray().ToList();
            Assert.Equal(project.Reasons.Select(ReasonText.Of), written.Select(r => r.GetProperty("text").GetString()));
            Assert.Equal(project.Reasons.Select(r => ModelNames.Of(r.Kind)), written.Select(r => r.GetProperty("kind").GetString()));
        }

        var worker = projects["Shop.Worker"].GetProperty("reasons")[0];
        Assert.Equal("host-bound", worker.GetProperty("verdict").GetString());
        var blocker = Assert.Single(worker.GetProperty("findings").EnumerateArray());
        Assert.Equal(("SL6001", "src/Shop.Worker/Licensing.cs", 7), (blocker.GetProperty("ruleId").GetString(), blocker.GetProperty("file").GetString(), blocker.GetProperty("line").GetInt32()));
        var notProven = projects["Shop.Data"].GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "not-proven");
        Assert.Equal(0.62, notProven.GetProperty("coverageShare").GetDouble());
    }

    [Fact]
    public void Reasons_LeaveOutWhatTheirKindDoesNotUse()
    {
        var root = JsonDocument.Parse(JsonReportWriter.Render(TestModels.Monolith())).RootElement;

        var reasons = root.GetProperty("projects").EnumerateArray().SelectMany(p => p.GetProperty("reasons").EnumerateArray()).ToList();
        Assert.NotEmpty(reasons);
        foreach (var reason in reasons)
        {
            foreach (var property in reason.EnumerateObject())
            {
                Assert.False(property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 0, $"{property.Name} is an empty list");
                Assert.False(property.Value.ValueKind is JsonValueKind.False or JsonValueKind.Null, $"{property.Name} is {property.Value}");
            }
        }

        // Lists elsewhere in the model keep their empty arrays, as before.
        Assert.Equal(JsonValueKind.Array, root.GetProperty("projects")[0].GetProperty("missingReferences").ValueKind);
    }

    [Fact]
    public void Reasons_ReadBack_AsTheSameFacts()
    {
        var model = TestModels.Monolith();
        var json = JsonReportWriter.Render(model);

        var read = JsonModelReader.Parse(json, "/nonexistent/statelens-test-root");

        Assert.Equal(json, JsonReportWriter.Render(read));
        var original = model.Projects.Single(p => p.Name == "Shop.Web").Reasons;
        var back = read.Projects.Single(p => p.Name == "Shop.Web").Reasons;
        Assert.Equal(original.Select(r => (r.Kind, r.Verdict, r.RuleId, r.FindingCount, r.PinsToHost, r.Remedy)), back.Select(r => (r.Kind, r.Verdict, r.RuleId, r.FindingCount, r.PinsToHost, r.Remedy)));
        Assert.Equal(original.SelectMany(r => r.Findings), back.SelectMany(r => r.Findings));
    }

    [Fact]
    public void Reasons_TextInTheFile_IsNotWhatIsReadBack()
    {
        var json = JsonReportWriter.Render(TestModels.Monolith());
        var forged = json.Replace("\"text\": \"containers as is", "\"text\": \"forged", StringComparison.Ordinal);
        Assert.NotEqual(json, forged);

        var read = JsonModelReader.Parse(forged, "/nonexistent/statelens-test-root");

        Assert.Equal(json, JsonReportWriter.Render(read));
    }
}
