using StateLens.Scaffolding.Tests.Infrastructure;
using StateLens.Tests.Shared.Ci;

namespace StateLens.Scaffolding.Tests;

/// <summary>The generated files against independent validators (npm, docker-compose), as .ci/containers/setup.sh installs them.</summary>
public sealed class ValidatorTests : IDisposable
{
    private readonly Fixture fixture = new();
    private readonly TempFolder output = new("sl-scaffold-validate-");

    public ValidatorTests()
    {
        ScaffoldWriter.Write(fixture.Model, output.Path);
    }

    private string Containers => Path.Combine(output.Path, "containers");

    public void Dispose()
    {
        fixture.Dispose();
        output.Dispose();
    }

    [SkippableFact]
    public void Dockerfiles_PassDockerfileUtilsLint()
    {
        Requirement.Tool(Tools.ValidatorsMissing());
        foreach (var dockerfile in Directory.EnumerateFiles(Containers, "Dockerfile", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var result = Tools.Run(Path.Combine(Tools.NodeModules, ".bin", "dockerfile-utils"), ["lint", dockerfile]);
            Assert.True(result.ExitCode == 0, $"{dockerfile}:\n{result.Output}");
        }
    }

    [SkippableFact]
    public void ComposeFiles_MatchTheComposeSpecSchema()
    {
        Requirement.Tool(Tools.ValidatorsMissing());
        var result = Tools.Run("node", [Tools.ValidateScript, "compose", Path.Combine(Containers, "compose.yaml"), Path.Combine(Containers, "compose.windows.yaml")]);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [SkippableFact]
    public void KubernetesManifests_MatchTheOpenApiSchemas()
    {
        Requirement.Tool(Tools.ValidatorsMissing());
        var manifests = Directory.EnumerateFiles(Path.Combine(Containers, "k8s"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(manifests);
        var result = Tools.Run("node", [Tools.ValidateScript, "k8s", .. manifests]);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [SkippableFact]
    public void ComposeFile_PassesDockerComposeConfig()
    {
        Requirement.Tool(Tools.OnPath("docker-compose"), "docker-compose is not installed: run `source .ci/containers/setup.sh` first");

        // The secrets are required variables: config fails without them (that is the point) and passes with them.
        var missing = Tools.Run("docker-compose", ["-f", "compose.yaml", "config", "-q"], Containers);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("API_PAYMENTS__APIKEY", missing.Output, StringComparison.Ordinal);

        var withSecrets = Tools.Run("sh", ["-c", "API_PAYMENTS__APIKEY=x API_CONNECTIONSTRINGS__SHOP=y docker-compose -f compose.yaml config -q"], Containers);
        Assert.True(withSecrets.ExitCode == 0, withSecrets.Output);
    }
}
