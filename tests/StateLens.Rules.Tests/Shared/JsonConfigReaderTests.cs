using StateLens.Rules.Shared;

namespace StateLens.Rules.Tests.Shared;

public sealed class JsonConfigReaderTests
{
    [Fact]
    public void CommentsTrailingCommasAndEscapes_AreRead()
    {
        const string json = """
            {
              // line comment
              "Storage": { "UploadPath": "D:\\Shop\\Uploads", /* inline */ "Quota": 10, "Enabled": true, },
              "Serilog": { "WriteTo": [ { "Name": "Console" }, { "Name": "File", "Args": { "path": "logs/\u0061.txt" } }, ] },
              "Empty": null
            }
            """;
        var values = JsonConfigReader.Read(json);

        Assert.NotNull(values);
        Assert.Equal(
            new[] { "Storage:UploadPath=D:\\Shop\\Uploads", "Serilog:WriteTo:0:Name=Console", "Serilog:WriteTo:1:Name=File", "Serilog:WriteTo:1:Args:path=logs/a.txt" },
            values!.Select(v => v.Path + "=" + v.Value));
        var upload = values[0];
        Assert.Equal("\"UploadPath\": \"D:\\\\Shop\\\\Uploads\"", json.Substring(upload.Span.Start, upload.Span.Length));
    }

    [Fact]
    public void ArrayItems_SpanTheValueOnly()
    {
        const string json = """{ "Folders": [ "/srv", "C:\\x" ] }""";
        var item = JsonConfigReader.Read(json)![1];
        Assert.Equal("Folders:1", item.Path);
        Assert.Equal("\"C:\\\\x\"", json.Substring(item.Span.Start, item.Span.Length));
    }

    [Theory]
    [InlineData("{ \"a\": ")]
    [InlineData("{ \"a\": \"b\" ")]
    [InlineData("{ \"a\" \"b\" }")]
    [InlineData("{ \"a\": \"b\" } trailing")]
    [InlineData("/* open comment { }")]
    [InlineData("{ \"a\": \"\\u12\" }")]
    public void MalformedJson_ReturnsNull(string json) => Assert.Null(JsonConfigReader.Read(json));

    [Fact]
    public void EmptyOrCommentOnlyFile_HasNoValues() => Assert.Empty(JsonConfigReader.Read("  // nothing yet\n")!);

    [Fact]
    public void DeepNesting_IsRejectedNotCrashed() => Assert.Null(JsonConfigReader.Read(new string('[', 10_000)));
}
