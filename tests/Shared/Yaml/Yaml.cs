using Xunit;
using YamlDotNet.RepresentationModel;

namespace StateLens.Tests.Shared;

/// <summary>YAML documents as nested dictionaries, lists and strings, for structural assertions.</summary>
public static class Yaml
{
    public static IReadOnlyList<Dictionary<string, object?>> LoadAll(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => (Dictionary<string, object?>)Convert(d.RootNode)!).ToList();
    }

    public static Dictionary<string, object?> Load(string text) => LoadAll(text).Single();

    public static Dictionary<string, object?> Map(object? node) => Assert.IsType<Dictionary<string, object?>>(node);

    public static List<object?> List(object? node) => Assert.IsType<List<object?>>(node);

    public static object? At(object? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = Map(node).TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no '{key}' in path {string.Join('.', path)}");
        }

        return node;
    }

    public static string Str(object? node, params string[] path) => Assert.IsType<string>(At(node, path));

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => Convert(c.Value), StringComparer.Ordinal),
        YamlSequenceNode seq => seq.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => scalar.Value,
        _ => throw new NotSupportedException(node.GetType().Name),
    };
}
