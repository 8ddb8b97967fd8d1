using System.Reflection;

namespace StateLens.Scaffolding.Tests.Infrastructure;

internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The bundled sample: in the repository, or beside this worktree in the main checkout while it is being written.</summary>
    public static string? SampleApp =>
        new[] { Path.Combine(Root, "sample-legacy-app"), Path.Combine(Root, "..", "main", "sample-legacy-app") }
            .Select(Path.GetFullPath)
            .FirstOrDefault(p => File.Exists(Path.Combine(p, "LegacyShop.sln")));
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "sl-scaffold-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file held by a container process; the OS temp cleaner takes it later.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: files written by a container user.
        }
    }
}
