using System.Text.Encodings.Web;
using System.Text.Json;

namespace StateLens.Reporting.Html;

/// <summary>JSON that is safe inside an HTML &lt;script&gt; element: &lt;, &gt;, &amp;, quotes and U+2028/U+2029 are \u-escaped.</summary>
internal static class ScriptJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // The default encoder escapes HTML-sensitive characters and everything outside Basic Latin,
        // so neither "</script>" nor a JavaScript line separator can survive into the page.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
