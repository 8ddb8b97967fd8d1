using System.Text.Json;

namespace StateLens.Scaffolding.Tests.Infrastructure;

/// <summary>One Dockerfile instruction: keyword, --flags, and the rest (or its JSON array in exec form).</summary>
internal sealed record DockerInstruction(string Keyword, IReadOnlyDictionary<string, string> Flags, string Arguments, IReadOnlyList<string>? ExecForm, int Line);

/// <summary>A build stage: FROM image [AS name] and its instructions.</summary>
internal sealed record DockerStage(string Image, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);
}

/// <summary>
/// A small Dockerfile parser (no NuGet one is served): comments, line continuations with the default escape
/// character, flags, exec-form JSON; it rejects unknown instructions and instructions before the first FROM.
/// </summary>
internal static class Dockerfile
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    };

    public static IReadOnlyList<DockerStage> Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var start = i + 1;
            var logical = line;
            while (logical.EndsWith('\\') && i + 1 < lines.Length)
            {
                logical = logical[..^1];
                i++;
                var next = lines[i].Trim();
                if (next.StartsWith('#'))
                {
                    continue;
                }

                logical += " " + next;
            }

            var space = logical.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? logical : logical[..space]).ToUpperInvariant();
            if (!Keywords.Contains(keyword))
            {
                throw new FormatException($"line {start}: unknown instruction '{keyword}'");
            }

            var rest = space < 0 ? string.Empty : logical[(space + 1)..].Trim();
            var flags = new Dictionary<string, string>(StringComparer.Ordinal);
            while (rest.StartsWith("--", StringComparison.Ordinal))
            {
                var end = rest.IndexOf(' ', StringComparison.Ordinal);
                var flag = end < 0 ? rest : rest[..end];
                var eq = flag.IndexOf('=', StringComparison.Ordinal);
                flags[eq < 0 ? flag[2..] : flag[2..eq]] = eq < 0 ? "true" : flag[(eq + 1)..];
                rest = end < 0 ? string.Empty : rest[(end + 1)..].TrimStart();
            }

            if (rest.Length == 0)
            {
                throw new FormatException($"line {start}: {keyword} has no arguments");
            }

            IReadOnlyList<string>? exec = null;
            if (rest.StartsWith('[') && keyword is "CMD" or "ENTRYPOINT" or "RUN" or "SHELL" or "COPY" or "ADD" or "VOLUME")
            {
                exec = JsonSerializer.Deserialize<string[]>(rest) ?? throw new FormatException($"line {start}: exec form is not a JSON array of strings");
            }

            instructions.Add(new DockerInstruction(keyword, flags, rest, exec, start));
        }

        var stages = new List<DockerStage>();
        List<DockerInstruction>? current = null;
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                var parts = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var name = parts.Length == 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null;
                if (parts.Length != 1 && name is null)
                {
                    throw new FormatException($"line {instruction.Line}: FROM takes 'image [AS name]'");
                }

                current = [];
                stages.Add(new DockerStage(parts[0], name, current));
                continue;
            }

            if (current is null)
            {
                if (instruction.Keyword == "ARG")
                {
                    continue;
                }

                throw new FormatException($"line {instruction.Line}: {instruction.Keyword} before the first FROM");
            }

            if (instruction.Keyword == "COPY" && instruction.Flags.TryGetValue("from", out var from)
                && !stages.Take(stages.Count - 1).Any(s => s.Name == from))
            {
                throw new FormatException($"line {instruction.Line}: COPY --from={from} names no earlier stage");
            }

            current.Add(instruction);
        }

        if (stages.Count == 0)
        {
            throw new FormatException("no FROM instruction");
        }

        return stages;
    }
}
