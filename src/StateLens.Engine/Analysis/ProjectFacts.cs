using System.Xml;
using System.Xml.Linq;
using StateLens.Engine.Model;

namespace StateLens.Engine.Analysis;

/// <summary>What the container files need from a project file and its folders, read once by the engine.</summary>
internal static class ProjectFacts
{
    private static readonly string[] BuildFileNames = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "NuGet.Config"];

    public static ProjectSummary Describe(ProjectSummary project, string projectFile, string root)
    {
        var assemblyName = Path.GetFileNameWithoutExtension(projectFile);
        var aspNetCore = false;
        try
        {
            var document = XDocument.Load(projectFile);
            var declared = document.Descendants().LastOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
            if (!string.IsNullOrEmpty(declared) && !declared.Contains("$(", StringComparison.Ordinal))
            {
                assemblyName = declared;
            }

            var sdk = document.Root?.Attribute("Sdk")?.Value ?? string.Empty;
            aspNetCore = sdk.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
                || document.Descendants().Any(e => e.Name.LocalName == "FrameworkReference"
                    && string.Equals(e.Attribute("Include")?.Value, "Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            // The project's load status already says why; the file name stands in for the assembly name.
        }

        return project with { AssemblyName = assemblyName, UsesAspNetCore = aspNetCore, BuildFiles = BuildFiles(projectFile, root) };
    }

    /// <summary>Build property files on the way from the solution folder down to the project, relative to the root.</summary>
    private static IReadOnlyList<string> BuildFiles(string projectFile, string root)
    {
        root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var folder = Path.GetDirectoryName(projectFile);
        while (folder is not null && (folder + Path.DirectorySeparatorChar).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            if (Directory.Exists(folder))
            {
                var present = Directory.EnumerateFiles(folder).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
                foreach (var name in BuildFileNames.Where(present.Contains))
                {
                    found.Add(Path.GetRelativePath(root, Path.Combine(folder, name)).Replace('\\', '/'));
                }
            }

            folder = string.Equals(folder.TrimEnd(Path.DirectorySeparatorChar), root, StringComparison.Ordinal) ? null : Path.GetDirectoryName(folder);
        }

        return found.ToList();
    }
}
