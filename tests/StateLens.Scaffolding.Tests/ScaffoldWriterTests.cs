using StateLens.Scaffolding.Tests.Infrastructure;
using static StateLens.Tests.Shared.Yaml;

namespace StateLens.Scaffolding.Tests;

public sealed class ScaffoldWriterTests : IDisposable
{
    private readonly Fixture fixture = new();
    private readonly TempFolder output = new("sl-scaffold-out-");

    private string Containers => Path.Combine(output.Path, "containers");

    public void Dispose()
    {
        fixture.Dispose();
        output.Dispose();
    }

    private ScaffoldResult Write(ScaffoldOptions? options = null) => ScaffoldWriter.Write(fixture.Model, output.Path, options);

    private string Read(string relative) => File.ReadAllText(Path.Combine(Containers, relative));

    [Fact]
    public void Write_CreatesFilesPerDeployableProject_AndNoneForLibrariesOrHostBound()
    {
        var result = Write();

        Assert.Equal(
            [
                "containers/README.md",
                "containers/api/Dockerfile", "containers/api/Dockerfile.dockerignore",
                "containers/compose.windows.yaml", "containers/compose.yaml",
                "containers/k8s/api.yaml", "containers/k8s/orders.yaml", "containers/k8s/redis.yaml", "containers/k8s/worker.yaml",
                "containers/legacy-web/Dockerfile", "containers/legacy-web/Dockerfile.dockerignore",
                "containers/orders/Dockerfile", "containers/orders/Dockerfile.dockerignore",
                "containers/worker/Dockerfile", "containers/worker/Dockerfile.dockerignore",
            ],
            result.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.All(result.Files, f => Assert.Equal(ScaffoldFileStatus.Written, f.Status));
        Assert.False(Directory.Exists(Path.Combine(Containers, "core")));
        Assert.False(Directory.Exists(Path.Combine(Containers, "legacy-service")));
    }

    [Fact]
    public void Compose_DeclaresHardenedServicesVolumesAndRedis()
    {
        Write();
        var compose = Load(Read("compose.yaml"));
        var services = Map(compose["services"]);
        Assert.Equal(["api", "orders", "redis", "worker"], services.Keys.Order(StringComparer.Ordinal));

        foreach (var (name, node) in services)
        {
            var service = Map(node);
            Assert.Equal(["ALL"], List(service["cap_drop"]));
            Assert.Equal(["no-new-privileges:true"], List(service["security_opt"]));
            Assert.Equal(["/tmp"], List(service["tmpfs"]));
            foreach (var port in service.TryGetValue("ports", out var ports) ? List(ports) : [])
            {
                Assert.StartsWith("127.0.0.1:", Assert.IsType<string>(port));
            }

            foreach (var volume in service.TryGetValue("volumes", out var volumes) ? List(volumes) : [])
            {
                Assert.DoesNotContain("docker.sock", Str(volume, "source"), StringComparison.Ordinal);
                Assert.Contains(Str(volume, "source"), Map(compose["volumes"]).Keys);
            }
        }

        Assert.Equal("true", Str(services["api"], "read_only"));
        Assert.Equal(["127.0.0.1:8081:8080"], List(At(services["api"], "ports")));

        var orders = Map(services["orders"]);
        Assert.Equal("true", Str(orders, "read_only"));
        Assert.Equal(["127.0.0.1:8082:8080"], List(orders["ports"]));
        Assert.Equal("/var/lib/orders/uploads", Str(orders, "environment", "Storage__UploadPath"));
        Assert.Equal("redis:6379,abortConnect=false", Str(orders, "environment", "ConnectionStrings__Redis"));
        var uploads = Map(Assert.Single(List(orders["volumes"])));
        Assert.Equal(("volume", "orders-uploads", "/var/lib/orders/uploads"), (Str(uploads, "type"), Str(uploads, "source"), Str(uploads, "target")));

        var worker = Map(services["worker"]);
        Assert.False(worker.ContainsKey("ports"));
        Assert.Equal("false", Str(worker, "read_only"));
        Assert.Equal(["/app/logs", "/app/reports"], List(worker["volumes"]).Select(v => Str(v, "target")).Order(StringComparer.Ordinal));

        var redis = Map(services["redis"]);
        Assert.Equal("redis:7-alpine", Str(redis, "image"));
        Assert.False(redis.ContainsKey("ports"));

        Assert.Equal(["orders-uploads", "worker-logs", "worker-reports"], Map(compose["volumes"]).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compose_BuildContextIsTheSolutionFolderRelativeToContainers()
    {
        Write();
        var service = Map(Map(Load(Read("compose.yaml"))["services"])["orders"]);
        var context = Path.GetFullPath(Path.Combine(Containers, Str(service, "build", "context")));
        Assert.Equal(Path.GetFullPath(fixture.Root), context);
        Assert.False(Path.IsPathRooted(Str(service, "build", "context")));
        Assert.Equal(Path.Combine(Containers, "orders", "Dockerfile"), Path.GetFullPath(Path.Combine(context, Str(service, "build", "dockerfile"))));
    }

    [Fact]
    public void Secrets_BecomeRequiredVariables_AndTheirValuesAppearNowhere()
    {
        var result = Write();
        var api = Map(Map(Load(Read("compose.yaml"))["services"])["api"]);
        Assert.Equal("${API_PAYMENTS__APIKEY:?set API_PAYMENTS__APIKEY (secret Payments:ApiKey)}", Str(api, "environment", "Payments__ApiKey"));
        Assert.StartsWith("${API_CONNECTIONSTRINGS__SHOP:?", Str(api, "environment", "ConnectionStrings__Shop"), StringComparison.Ordinal);

        var deployment = LoadAll(Read("k8s/api.yaml")).Single(d => Str(d, "kind") == "Deployment");
        var container = Map(List(At(deployment, "spec", "template", "spec", "containers"))[0]);
        var env = List(container["env"]).Select(Map).ToDictionary(e => Str(e, "name"));
        Assert.Equal("api-secrets", Str(env["Payments__ApiKey"], "valueFrom", "secretKeyRef", "name"));
        Assert.Equal("Payments__ApiKey", Str(env["Payments__ApiKey"], "valueFrom", "secretKeyRef", "key"));

        var windows = Map(Map(Load(Read("compose.windows.yaml"))["services"])["legacy-web"]);
        Assert.StartsWith("${LEGACY_WEB_CONNECTIONSTRINGS__LEGACYDB:?", Str(windows, "environment", "ConnectionStrings__LegacyDb"), StringComparison.Ordinal);

        foreach (var file in result.Files)
        {
            var text = File.ReadAllText(Path.Combine(output.Path, file.Path));
            Assert.DoesNotContain(Fixture.ApiKeyValue, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Fixture.DbPassword, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Fixture.LegacyPassword, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Kubernetes_HasDeploymentServiceAndClaims_WithTheSecurityContext()
    {
        Write();
        foreach (var name in new[] { "api", "orders", "worker" })
        {
            var documents = LoadAll(Read($"k8s/{name}.yaml"));
            var deployment = documents.Single(d => Str(d, "kind") == "Deployment");
            var pod = At(deployment, "spec", "template", "spec");
            Assert.Equal("true", Str(pod, "securityContext", "runAsNonRoot"));
            Assert.Equal("1654", Str(pod, "securityContext", "runAsUser"));
            var container = Map(Assert.Single(List(At(pod, "containers"))));
            Assert.Equal("false", Str(container, "securityContext", "allowPrivilegeEscalation"));
            Assert.Equal(["ALL"], List(At(container, "securityContext", "capabilities", "drop")));
            Assert.Equal(name == "worker" ? "false" : "true", Str(container, "securityContext", "readOnlyRootFilesystem"));
            Assert.Contains(List(At(pod, "volumes")), v => Str(v, "name") == "tmp" && Map(v).ContainsKey("emptyDir"));
            Assert.Equal(name == "api" ? "2" : "1", Str(deployment, "spec", "replicas"));

            var claims = documents.Where(d => Str(d, "kind") == "PersistentVolumeClaim").ToList();
            var mounts = List(container["volumeMounts"]).Select(m => Str(m, "name")).ToList();
            foreach (var claim in claims)
            {
                Assert.Equal("1Gi", Str(claim, "spec", "resources", "requests", "storage"));
                Assert.Equal(["ReadWriteOnce"], List(At(claim, "spec", "accessModes")));
                Assert.Contains(Str(claim, "metadata", "name"), mounts);
            }

            var web = name != "worker";
            Assert.Equal(web, documents.Any(d => Str(d, "kind") == "Service"));
            Assert.Equal(web, container.ContainsKey("readinessProbe"));
            if (web)
            {
                Assert.Equal("8080", Str(container, "readinessProbe", "tcpSocket", "port"));
            }
        }

        Assert.Equal(["orders-uploads"], LoadAll(Read("k8s/orders.yaml")).Where(d => Str(d, "kind") == "PersistentVolumeClaim").Select(d => Str(d, "metadata", "name")));
        Assert.Equal(2, LoadAll(Read("k8s/worker.yaml")).Count(d => Str(d, "kind") == "PersistentVolumeClaim"));
        Assert.Equal(["Deployment", "Service"], LoadAll(Read("k8s/redis.yaml")).Select(d => Str(d, "kind")));
    }

    [Fact]
    public void LinuxDockerfile_RestoresFromProjectFilesFirst_AndRunsAsNonRoot()
    {
        Write();
        var stages = Dockerfile.Parse(Read("orders/Dockerfile"));
        Assert.Equal(2, stages.Count);
        var (build, final) = (stages[0], stages[1]);
        Assert.Equal(("mcr.microsoft.com/dotnet/sdk:10.0", "build"), (build.Image, build.Name));
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", final.Image);

        var steps = build.Instructions.Select(i => $"{i.Keyword} {i.Arguments}").ToList();
        Assert.Equal(
            [
                "WORKDIR /src",
                "COPY Directory.Build.props ./",
                "COPY Core/Core.csproj Core/",
                "COPY Orders/Orders.csproj Orders/",
                "RUN dotnet restore Orders/Orders.csproj",
                "COPY . .",
                "RUN dotnet publish Orders/Orders.csproj -c Release -o /app/publish --no-restore",
            ],
            steps);

        Assert.Equal("build", final.All("COPY").Single().Flags["from"]);
        var run = final.All("RUN").Single().Arguments;
        Assert.Contains("mkdir -p /var/lib/orders/uploads", run, StringComparison.Ordinal);
        Assert.Contains("chown $APP_UID:$APP_UID /var/lib/orders/uploads", run, StringComparison.Ordinal);
        Assert.True(final.Instructions.ToList().FindIndex(i => i.Keyword == "RUN") < final.Instructions.ToList().FindIndex(i => i.Keyword == "USER"));
        Assert.Equal("$APP_UID", final.All("USER").Single().Arguments);
        Assert.Equal("ASPNETCORE_HTTP_PORTS=8080", final.All("ENV").Single().Arguments);
        Assert.Equal("8080", final.All("EXPOSE").Single().Arguments);
        Assert.Equal(["dotnet", "Orders.Host.dll"], final.All("ENTRYPOINT").Single().ExecForm);
    }

    [Fact]
    public void WorkerDockerfile_UsesTheRuntimeImage_AndExposesNothing()
    {
        Write();
        var final = Dockerfile.Parse(Read("worker/Dockerfile"))[^1];
        Assert.Equal("mcr.microsoft.com/dotnet/runtime:10.0", final.Image);
        Assert.Empty(final.All("EXPOSE"));
        Assert.Contains("mkdir -p /app/logs /app/reports", final.All("RUN").Single().Arguments, StringComparison.Ordinal);
        Assert.Equal(["dotnet", "Worker.dll"], final.All("ENTRYPOINT").Single().ExecForm);
    }

    [Fact]
    public void FrameworkWeb_GetsAWindowsIisImage_AndTheReadmeExplainsHostBoundAndUndecided()
    {
        Write();
        var windows = Read("legacy-web/Dockerfile");
        var stages = Dockerfile.Parse(windows);
        Assert.Equal("mcr.microsoft.com/dotnet/framework/aspnet:4.8", stages[^1].Image);
        Assert.Contains("Windows host", windows, StringComparison.Ordinal);
        Assert.Contains("Porting the project to .NET", windows, StringComparison.Ordinal);
        Assert.DoesNotContain("legacy-web", Read("compose.yaml"), StringComparison.Ordinal);

        var readme = Read("README.md");
        Assert.Contains("### Legacy.Service (windows-service)", readme, StringComparison.Ordinal);
        Assert.Contains("SL6001: other-blocker (1 finding) ties it to its host", readme, StringComparison.Ordinal);
        Assert.Contains("the path is the parameter 'target'", readme, StringComparison.Ordinal);
        Assert.Contains("AddStackExchangeRedisCache", readme, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Extensions.Caching.StackExchangeRedis", readme, StringComparison.Ordinal);
        Assert.Contains("`Storage__UploadPath=/var/lib/orders/uploads`", readme, StringComparison.Ordinal);
        Assert.Contains("Core (library): class library", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryGeneratedFile_StartsWithTheMarker_AndUsesLfLineEndings()
    {
        var result = Write();
        foreach (var file in result.Files)
        {
            var text = File.ReadAllText(Path.Combine(output.Path, file.Path));
            Assert.True(GeneratedFiles.IsGenerated(text), file.Path);
            Assert.DoesNotContain('\r', text);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Output_IsDeterministic_ForTheSameLayout()
    {
        // Two copies of the solution in different places, each with the output at the same place inside it.
        using var other = new Fixture();
        ScaffoldWriter.Write(fixture.Model, Path.Combine(fixture.Root, "statelens-out"));
        ScaffoldWriter.Write(other.Model, Path.Combine(other.Root, "statelens-out"));
        var first = Snapshot(Path.Combine(fixture.Root, "statelens-out"));
        var second = Snapshot(Path.Combine(other.Root, "statelens-out"));
        Assert.Equal(first.Keys, second.Keys);
        foreach (var key in first.Keys)
        {
            Assert.Equal(first[key], second[key]);
        }

        Assert.Equal("../..", Str(Map(Load(first["containers/compose.yaml"])["services"])["api"], "build", "context"));
        Assert.Contains("statelens-out", first["containers/api/Dockerfile.dockerignore"].Split('\n'));
    }

    [Fact]
    public void ExistingUserFile_IsNeverOverwritten_EvenWithForce()
    {
        Directory.CreateDirectory(Containers);
        File.WriteAllText(Path.Combine(Containers, "compose.yaml"), "services: {}\n");

        var result = Write();
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("containers/compose.yaml", skipped.Path);
        Assert.Contains("not generated by StateLens", skipped.Reason, StringComparison.Ordinal);

        Write(new ScaffoldOptions { Force = true });
        Assert.Equal("services: {}\n", Read("compose.yaml"));
    }

    [Fact]
    public void ChangedGeneratedFile_IsReplacedOnlyWithForce()
    {
        Write();
        var path = Path.Combine(Containers, "api", "Dockerfile");
        var original = File.ReadAllText(path);
        File.WriteAllText(path, original + "# local edit\n");

        var plain = Write();
        Assert.Equal(ScaffoldFileStatus.Skipped, plain.Files.Single(f => f.Path == "containers/api/Dockerfile").Status);
        Assert.All(plain.Files.Where(f => f.Path != "containers/api/Dockerfile"), f => Assert.Equal(ScaffoldFileStatus.Unchanged, f.Status));

        var forced = Write(new ScaffoldOptions { Force = true });
        Assert.Equal(ScaffoldFileStatus.Replaced, forced.Files.Single(f => f.Path == "containers/api/Dockerfile").Status);
        Assert.Equal(original, File.ReadAllText(path));
    }

    [Fact]
    public void TemplateDirectory_OverridesAnEmbeddedTemplate()
    {
        using var templates = new TempFolder("sl-scaffold-templates-");
        File.WriteAllText(Path.Combine(templates.Path, "README.md.sbn"), "<!-- {{ marker }} -->\nServices: {{ for s in plan.services }}{{ s.name }} {{ end }}\n");
        Write(new ScaffoldOptions { TemplateDirectory = templates.Path });
        Assert.Equal("<!-- Generated by StateLens -->\nServices: api orders worker \n", Read("README.md"));
    }

    [Fact]
    public void BrokenTemplate_IsReportedWithItsErrors()
    {
        using var templates = new TempFolder("sl-scaffold-templates-");
        File.WriteAllText(Path.Combine(templates.Path, "README.md.sbn"), "{{ for s in plan.services }}\n");
        var error = Assert.Throws<InvalidOperationException>(() => Write(new ScaffoldOptions { TemplateDirectory = templates.Path }));
        Assert.Contains("has errors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTemplateMember_FailsInsteadOfRenderingEmpty()
    {
        using var templates = new TempFolder("sl-scaffold-templates-");
        File.WriteAllText(Path.Combine(templates.Path, "README.md.sbn"), "{{ plan.no_such_member }}\n");
        Assert.ThrowsAny<Exception>(() => Write(new ScaffoldOptions { TemplateDirectory = templates.Path }));
    }

    [Fact]
    public void RepositoryTemplates_AreTheEmbeddedOnes()
    {
        var onDisk = Directory.EnumerateFiles(Path.Combine(Repository.Root, "templates", "scaffold"), "*.sbn").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, StateLens.Scaffolding.Rendering.TemplateSet.EmbeddedNames);
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);
}
