using StateLens.Engine;
using StateLens.Engine.Estate;
using StateLens.Reporting.Estate;
using StateLens.Reporting.Tests.Infrastructure;
using static StateLens.Tests.Shared.Estate.EstateModels;

namespace StateLens.Reporting.Tests.Estate;

public sealed class EstateInputReaderTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Folder_IsSearchedForAnalysesAndFailures_WithReportsLinkedFromTheOutputFolder()
    {
        var orders = OrdersApp().Model!;
        var ordersFolder = Path.Combine(root.Path, "runs", "orders");
        Directory.CreateDirectory(ordersFolder);
        JsonReportWriter.Write(orders, ordersFolder);
        HtmlReportWriter.Write(orders, ordersFolder, templateDirectory: null);
        var reportingFolder = Path.Combine(root.Path, "runs", "reporting");
        Directory.CreateDirectory(reportingFolder);
        JsonReportWriter.Write(ReportingApp().Model!, reportingFolder);
        SolutionFailureFile.Write(new SolutionFailure { Solution = "billing/Billing.sln", Reason = "timed out after 600 s", ToolVersion = "0.1.0" }, Path.Combine(root.Path, "runs", "billing"));
        JsonReportWriter.Write(orders with { EstatePath = "ignored/Build.sln" }, Directory.CreateDirectory(Path.Combine(root.Path, "runs", "orders", "bin")).FullName);

        var inputs = EstateInputReader.Read([Path.Combine(root.Path, "runs"), Path.Combine(ordersFolder, JsonReportWriter.FileName)], Path.Combine(root.Path, "estate"));

        Assert.Equal(["billing/Billing.sln", "orders/Orders.sln", "reporting/Reporting.sln"], inputs.Select(i => i.Solution));
        Assert.Equal(("timed out after 600 s", null), (inputs[0].Failure, inputs[0].Model));
        Assert.Equal("../runs/orders/statelens-report.html", inputs[1].Report);
        Assert.Null(inputs[2].Report);
        Assert.Equal(orders.Resources.Select(r => (r.Kind, r.Name)), inputs[1].Model!.Resources.Select(r => (r.Kind, r.Name)));
        Assert.Equal(2, EstateMerger.Merge(inputs).Totals.SharedResources);
    }

    [Fact]
    public void Analysis_WithoutAnEstatePath_IsNamedByItsInput()
    {
        JsonReportWriter.Write(OrdersApp().Model! with { EstatePath = null, Input = "Shop.sln" }, root.Path);

        Assert.Equal("Shop.sln", EstateInputReader.Read([root.Path], root.Path).Single().Solution);
    }

    [Fact]
    public void TwoFilesForOneApplication_AreAUserErrorNamingBoth()
    {
        var first = Directory.CreateDirectory(Path.Combine(root.Path, "a")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(root.Path, "b")).FullName;
        JsonReportWriter.Write(OrdersApp().Model!, first);
        SolutionFailureFile.Write(new SolutionFailure { Solution = "orders/Orders.sln", Reason = "crashed", ToolVersion = "0.1.0" }, second);

        var error = Assert.Throws<UserInputException>(() => EstateInputReader.Read([root.Path], root.Path));

        Assert.Contains(Path.Combine(first, JsonReportWriter.FileName), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(second, SolutionFailure.FileName), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("statelens.json", "{ \"schemaVersion\": 1 }", "schemaVersion 1")]
    [InlineData("statelens.json", "not json", "is not a statelens.json")]
    [InlineData("statelens-failure.json", "{ \"solution\": \"x.sln\" }", "'reason' is missing")]
    [InlineData("statelens-failure.json", "[]", "not a JSON object")]
    public void BadFile_IsAOneLineUserError(string name, string text, string expected)
    {
        var file = root.Write(name, text);

        var error = Assert.Throws<UserInputException>(() => EstateInputReader.Read([file], root.Path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MissingPathOrNothingToMerge_IsAUserError()
    {
        Assert.Contains("does not exist", Assert.Throws<UserInputException>(() => EstateInputReader.Read([Path.Combine(root.Path, "nope")], root.Path)).Message, StringComparison.Ordinal);
        Assert.Contains("no statelens.json", Assert.Throws<UserInputException>(() => EstateInputReader.Read([root.Path], root.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFolder_BesideOthers_IsAShardWithoutSolutions()
    {
        var shard0 = Path.Combine(root.Path, "statelens-shard-0", "solutions", "orders");
        Directory.CreateDirectory(shard0);
        JsonReportWriter.Write(OrdersApp().Model!, shard0);
        var shard1 = Directory.CreateDirectory(Path.Combine(root.Path, "statelens-shard-1", "solutions")).Parent!.FullName;

        var inputs = EstateInputReader.Read([Path.Combine(root.Path, "statelens-shard-0"), shard1], Path.Combine(root.Path, "estate"));

        Assert.Equal(["orders/Orders.sln"], inputs.Select(i => i.Solution));
    }

    [Fact]
    public void FailureFile_ReadsBackWhatWasWritten()
    {
        var failure = new SolutionFailure { Solution = "a/B.sln", Reason = "exit code 3: internal error", ToolVersion = "9.9.9" };

        Assert.Equal(failure, SolutionFailureFile.Read(SolutionFailureFile.Write(failure, root.Path)));
    }
}
