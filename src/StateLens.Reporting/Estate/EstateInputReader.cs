using StateLens.Engine;
using StateLens.Engine.Estate;

namespace StateLens.Reporting.Estate;

/// <summary>
/// Turns what `statelens merge` is given into estate inputs: statelens.json files, statelens-failure.json files, and
/// folders searched (recursively) for both. The same file named twice is read once; two files for one application
/// are a user error, since neither can be preferred without guessing.
/// </summary>
public static class EstateInputReader
{
    /// <summary>Reads every input; <paramref name="outputDirectory"/> is where the estate report goes, so links to each solution's report are relative to it.</summary>
    public static IReadOnlyList<EstateInput> Read(IEnumerable<string> paths, string outputDirectory)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                // A folder with nothing in it is a CI shard that got no solutions; only an empty merge is an error.
                files.UnionWith(Search(Path.GetFullPath(path)));
            }
            else
            {
                throw new UserInputException($"'{path}' does not exist; pass {JsonReportWriter.FileName} files, {SolutionFailure.FileName} files or folders holding them.");
            }
        }

        if (files.Count == 0)
        {
            throw new UserInputException($"nothing to merge: no {JsonReportWriter.FileName} or {SolutionFailure.FileName} in {string.Join(", ", paths.Select(p => $"'{p}'"))}; analyze the solutions first, or pass the files.");
        }

        var output = Path.GetFullPath(outputDirectory);
        var inputs = new Dictionary<string, (EstateInput Input, string File)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var input = ReadOne(file, output);
            if (inputs.TryGetValue(input.Solution, out var earlier))
            {
                throw new UserInputException($"'{earlier.File}' and '{file}' are both the application '{input.Solution}'; merge each solution once (analyses of same-named solutions in different places need the estate runner, which records each one's path).");
            }

            inputs[input.Solution] = (input, file);
        }

        return inputs.Values.Select(v => v.Input).OrderBy(i => i.Solution, StringComparer.Ordinal).ToList();
    }

    private static EstateInput ReadOne(string file, string outputDirectory)
    {
        if (string.Equals(Path.GetFileName(file), SolutionFailure.FileName, StringComparison.OrdinalIgnoreCase))
        {
            var failure = SolutionFailureFile.Read(file);
            return new EstateInput { Solution = failure.Solution, Failure = failure.Reason };
        }

        var folder = Path.GetDirectoryName(file)!;
        var model = JsonModelReader.Read(file, folder);
        var report = Path.Combine(folder, HtmlReportWriter.FileName);
        return new EstateInput
        {
            Solution = model.EstatePath ?? model.Input,
            Model = model,
            Report = File.Exists(report) ? Path.GetRelativePath(outputDirectory, report).Replace('\\', '/') : null,
        };
    }

    /// <summary>Every statelens.json and statelens-failure.json under <paramref name="folder"/>, leaving out build output.</summary>
    private static List<string> Search(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        return [.. new[] { JsonReportWriter.FileName, SolutionFailure.FileName }
            .SelectMany(name => Directory.EnumerateFiles(folder, name, options))
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))];
    }
}
