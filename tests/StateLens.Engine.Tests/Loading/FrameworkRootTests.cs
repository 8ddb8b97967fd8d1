using Microsoft.CodeAnalysis;
using StateLens.Engine.Loading;
using StateLens.Engine.Loading.Packages;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Loading;

/// <summary>
/// The merged framework root, bound for real: legacy projects of several versions in one MSBuildWorkspace. The packages
/// go to the machine's global packages folder, as they would for a user, so later runs reuse them.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class FrameworkRootTests
{
    [Fact]
    public async Task MergedRoot_BindsEveryLegacyVersionInOneWorkspace()
    {
        var folder = Directory.CreateTempSubdirectory("statelens-framework-").FullName;
        try
        {
            var versions = new (string Name, string Version, string? Profile)[]
            {
                ("Net35", "v3.5", null),
                ("Net40Client", "v4.0", "Client"),
                ("Net45", "v4.5", null),
                ("Net461", "v4.6.1", null),
                ("Net472", "v4.7.2", null),
            };
            foreach (var (name, version, profile) in versions)
            {
                LegacyFixtures.Write(Path.Combine(folder, name), new Dictionary<string, string>
                {
                    [name + ".csproj"] = LegacyFixtures.Project(version, profile),
                    ["Clock.cs"] = LegacyFixtures.UsesFramework,
                });
            }

            using var acquirer = new PackageAcquirer(PackageSources.Load(folder));
            var root = await FrameworkReferenceAssemblies.BuildRootAsync(
                versions.Select(v => v.Profile is null ? v.Version : $".NETFramework,Version={v.Version},Profile={v.Profile}"),
                Path.Combine(folder, ".statelens"),
                acquirer,
                CancellationToken.None);

            Assert.NotNull(root.RootPath);
            Assert.EndsWith(Path.DirectorySeparatorChar.ToString(), root.RootPath);
            // The feed serves no net35 package (TOOLCHAIN.md): v3.5 stands on the nearest higher version obtained.
            Assert.Equal("v4.0", root.BoundVersions["v3.5"]);
            Assert.Contains(root.Notices, n => n.StartsWith("v3.5 projects bind against the v4.0 reference assemblies", StringComparison.Ordinal));
            Assert.Equal(["v3.5", "v4.0", "v4.5", "v4.6.1", "v4.7.2"], root.BoundVersions.Keys);
            Assert.True(File.Exists(Path.Combine(root.RootPath, ".NETFramework", "v4.0", "Profile", "Client", "mscorlib.dll")));

            var compilations = await LegacyFixtures.LoadAsync(
                versions.Select(v => Path.Combine(folder, v.Name, v.Name + ".csproj")),
                new Dictionary<string, string> { ["TargetFrameworkRootPath"] = root.RootPath });

            foreach (var (name, version, _) in versions)
            {
                var compilation = compilations[Path.Combine(folder, name, name + ".csproj")];
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
                Assert.True(errors.Count == 0, $"{name}: {string.Join("\n", errors)}");
                var mscorlib = compilation.References.OfType<PortableExecutableReference>().Single(r => Path.GetFileName(r.FilePath) == "mscorlib.dll");
                Assert.Equal(Path.Combine(root.RootPath, ".NETFramework", version, "mscorlib.dll"), mscorlib.FilePath);
                var system = compilation.References.OfType<PortableExecutableReference>().Single(r => Path.GetFileName(r.FilePath) == "System.dll");
                var expectedFolder = Path.Combine(root.RootPath, ".NETFramework", version, name.EndsWith("Client", StringComparison.Ordinal) ? Path.Combine("Profile", "Client") : string.Empty);
                Assert.Equal(Path.Combine(expectedFolder, "System.dll"), system.FilePath);
                Assert.NotNull(compilation.GetTypeByMetadataName("Legacy.Clock"));
                Assert.Equal(SpecialType.System_Object, compilation.GetTypeByMetadataName("System.Object")!.SpecialType);
                Assert.NotNull(compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
