using StateLens.Tests.Shared;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StateLens.Engine;
using StateLens.Engine.Analysis;
using StateLens.Scaffolding.Tests.Infrastructure;
using StateLens.Tests.Shared.Ci;
using Xunit.Abstractions;

namespace StateLens.Scaffolding.Tests;

/// <summary>
/// The whole way on the bundled sample: the real engine analyses it, the scaffolder writes the files, podman builds
/// the images against the local stand-in base images, podman-compose starts them, and the stateful endpoint of
/// Orders.Web keeps its upload across a container restart because the file lands on the generated volume.
/// </summary>
[Collection(MsBuildCollection.Name)]
public sealed class SampleAppEndToEndTests(ITestOutputHelper log)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [SkippableFact]
    public async Task SampleApp_BuildsRunsAndKeepsUploadsOnItsVolume()
    {
        var sample = Repository.SampleApp;
        // The sample is part of the repository: without it the checkout is broken, which is a failure, not a skip.
        Assert.True(sample is not null, "the sample app (sample-legacy-app/LegacyShop.sln) is not in this checkout");
        Requirement.Tool(Tools.PodmanMissing());

        var clock = Stopwatch.StartNew();
        using var work = new TempFolder("sl-scaffold-e2e-");
        var root = Path.Combine(work.Path, "sample-legacy-app");
        CopySources(sample, root);

        var model = await SolutionAnalyzer.AnalyzeAsync(new AnalysisOptions { InputPath = Path.Combine(root, "LegacyShop.sln"), WorkDirectory = Path.Combine(work.Path, "engine") });
        log.WriteLine($"analysis: {clock.Elapsed.TotalSeconds:F1}s");
        var firstPort = FreePortRange(3);
        var output = Path.Combine(work.Path, "out");
        var result = ScaffoldWriter.Write(model, output, new ScaffoldOptions { FirstHostPort = firstPort });
        Assert.Empty(result.Skipped);
        var containers = Path.Combine(output, "containers");
        var compose = Yaml.Map(Yaml.Load(File.ReadAllText(Path.Combine(containers, "compose.yaml")))["services"]);
        Assert.Contains("catalog-api", compose.Keys);
        Assert.Contains("orders-web", compose.Keys);
        Assert.DoesNotContain("legacyshop-scheduler", compose.Keys);
        foreach (var hostBound in model.Projects.Where(p => p.Verdict == StateLens.Engine.Model.Verdict.HostBound))
        {
            Assert.False(Directory.Exists(Path.Combine(containers, Planning.ScaffoldPlanner.ServiceName(hostBound.Name))), $"host-bound {hostBound.Name} got files");
        }

        var apps = compose.Keys.Where(k => k != "redis").Order(StringComparer.Ordinal).ToList();
        var project = "sle2e" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            // Redis is not started: there is no registry here to pull redis:7-alpine from, and the sample does not use it yet.
            var up = Tools.Run("podman-compose", ["-p", project, "up", "-d", "--build", .. apps], containers, TimeSpan.FromMinutes(10));
            log.WriteLine($"build + up: {clock.Elapsed.TotalSeconds:F1}s");
            up.EnsureSuccess("podman-compose up");

            var catalogPort = HostPort(compose, "catalog-api");
            var ordersPort = HostPort(compose, "orders-web");
            var catalog = await GetAsync($"http://127.0.0.1:{catalogPort}/");
            Assert.Equal(HttpStatusCode.OK, catalog.Status);
            Assert.Contains("Catalog.Api", catalog.Body, StringComparison.Ordinal);
            var health = await GetAsync($"http://127.0.0.1:{ordersPort}/healthz");
            Assert.Equal(HttpStatusCode.OK, health.Status);
            log.WriteLine($"both web services answer: {clock.Elapsed.TotalSeconds:F1}s");

            var orders = Yaml.Map(compose["orders-web"]);
            // The volume is what this test exists to prove: its absence is a regression in the engine or the scaffolder.
            Assert.True(
                orders.ContainsKey("volumes"),
                "orders-web has no volume: the engine reported no file write for Orders.Web's uploads (SL1002 with Storage:UploadPath), so uploads would be lost on restart");

            var content = "delivery note " + Guid.NewGuid();
            var post = await Http.PostAsync($"http://127.0.0.1:{ordersPort}/uploads/note.txt", new StringContent(content));
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);

            // A new container (down + up keeps named volumes) must read the file back from the volume.
            Tools.Run("podman-compose", ["-p", project, "down"], containers, TimeSpan.FromMinutes(3)).EnsureSuccess("podman-compose down");
            Tools.Run("podman-compose", ["-p", project, "up", "-d", .. apps], containers, TimeSpan.FromMinutes(3)).EnsureSuccess("podman-compose up (again)");
            var back = await GetAsync($"http://127.0.0.1:{ordersPort}/uploads/note.txt");
            Assert.Equal(HttpStatusCode.OK, back.Status);
            Assert.Equal(content, back.Body);
            log.WriteLine($"upload survived a new container: {clock.Elapsed.TotalSeconds:F1}s");

            if (apps.Contains("reportworker"))
            {
                // The worker runs with a read-only root: it must still be running, its reports on its volume.
                var state = Tools.Run("podman", ["inspect", "-f", "{{.State.Running}}", $"{project}_reportworker_1"]);
                Assert.Equal("true", state.Output.Trim());
            }
        }
        finally
        {
            var down = Tools.Run("podman-compose", ["-p", project, "down", "-v"], containers, TimeSpan.FromMinutes(3));
            log.WriteLine($"down -v: exit {down.ExitCode}; total {clock.Elapsed.TotalSeconds:F1}s");
        }
    }

    private static int HostPort(Dictionary<string, object?> services, string service) =>
        int.Parse(Yaml.Str(Yaml.List(Yaml.At(services[service], "ports"))[0]).Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(string url)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            try
            {
                using var response = await Http.GetAsync(url);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex;
                await Task.Delay(1000);
            }
        }

        throw new InvalidOperationException($"no answer from {url} within 60 s", last);
    }

    /// <summary>The first of <paramref name="count"/> consecutive free ports on 127.0.0.1, from a range other tests do not use.</summary>
    private static int FreePortRange(int count)
    {
        for (var start = 18400 + Random.Shared.Next(0, 400); start < 19000; start += count)
        {
            if (Enumerable.Range(start, count).All(IsFree))
            {
                return start;
            }
        }

        throw new InvalidOperationException("no free ports");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The sample's sources without build output, so the engine and the image build start clean.</summary>
    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p is "bin" or "obj" or ".vs"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
