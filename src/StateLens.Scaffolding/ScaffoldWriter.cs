using StateLens.Engine.Model;
using StateLens.Scaffolding.Planning;
using StateLens.Scaffolding.Rendering;

namespace StateLens.Scaffolding;

/// <summary>
/// Writes container files for the projects of an analysis that can move: Dockerfiles, compose files, Kubernetes
/// manifests and a README under <c>OUTPUT/containers/</c>. The build context of every image is the solution folder
/// (<see cref="AnalysisModel.RootDirectory"/>), referenced relatively from containers/ so the files keep working when
/// the output and the solution move together.
/// </summary>
public static class ScaffoldWriter
{
    public const string ContainersFolder = "containers";

    public static ScaffoldResult Write(AnalysisModel model, string outputDirectory, ScaffoldOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        options ??= new ScaffoldOptions();

        var output = Path.GetFullPath(outputDirectory);
        var files = Render(model, output, options);
        var results = files
            .Select(f => GeneratedFiles.Write(output, f.Key, f.Value, options.Force))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return new ScaffoldResult(results);
    }

    /// <summary>
    /// Every generated file, relative to the output folder, without touching the disk. A pure function of the model:
    /// nothing is read from the analysed folder (the engine put what is needed into the model and cut secret values from it).
    /// </summary>
    internal static SortedDictionary<string, string> Render(AnalysisModel model, string outputDirectory, ScaffoldOptions options)
    {
        var plan = ScaffoldPlanner.Plan(model, outputDirectory, options);
        var templates = new TemplateSet(options.TemplateDirectory);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var globals = new Dictionary<string, object?>(StringComparer.Ordinal) { ["plan"] = plan, ["marker"] = GeneratedFiles.Marker };

        foreach (var service in plan.Services)
        {
            var perService = new Dictionary<string, object?>(globals) { ["service"] = service };
            files[$"{ContainersFolder}/{service.Dockerfile}"] = templates.Render("Dockerfile.linux.sbn", perService);
            files[$"{ContainersFolder}/{service.Dockerfile}.dockerignore"] = templates.Render("dockerignore.sbn", perService);
            files[$"{ContainersFolder}/k8s/{service.Name}.yaml"] = templates.Render("k8s-service.yaml.sbn", perService);
        }

        foreach (var service in plan.WindowsServices)
        {
            var perService = new Dictionary<string, object?>(globals) { ["service"] = service };
            files[$"{ContainersFolder}/{service.Dockerfile}"] = templates.Render("Dockerfile.windows.sbn", perService);
            files[$"{ContainersFolder}/{service.Dockerfile}.dockerignore"] = templates.Render("dockerignore.sbn", perService);
        }

        if (plan.Services.Count > 0)
        {
            files[$"{ContainersFolder}/compose.yaml"] = templates.Render("compose.yaml.sbn", globals);
        }

        if (plan.UsesRedis)
        {
            files[$"{ContainersFolder}/k8s/redis.yaml"] = templates.Render("k8s-redis.yaml.sbn", globals);
        }

        if (plan.WindowsServices.Count > 0)
        {
            files[$"{ContainersFolder}/compose.windows.yaml"] = templates.Render("compose.windows.yaml.sbn", globals);
        }

        files[$"{ContainersFolder}/README.md"] = templates.Render("README.md.sbn", globals);

        return files;
    }
}
