using System.Text;
using StateLens.Engine.Model;
using StateLens.Rules;

namespace StateLens.Scaffolding.Planning;

/// <summary>Decides, from the analysis model, which project becomes which container and where its state goes.</summary>
internal static class ScaffoldPlanner
{
    public const string RedisService = "redis";
    public const string RedisConnection = "redis:6379,abortConnect=false";

    public static ScaffoldPlan Plan(AnalysisModel model, string outputDirectory, ScaffoldOptions options)
    {
        var root = Path.GetFullPath(model.RootDirectory);
        var output = Path.GetFullPath(outputDirectory);
        var containers = Path.Combine(output, "containers");
        var byName = model.Projects.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var rules = model.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

        var services = new List<ServicePlan>();
        var windows = new List<ServicePlan>();
        var hostBound = new List<ProjectNote>();
        var notContainerized = new List<ProjectNote>();
        var findingPlans = new List<FindingPlan>();
        var mustDecide = new List<UndecidedPath>();
        var notices = new List<string>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal) { RedisService };
        var port = options.FirstHostPort;

        foreach (var project in model.Projects.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var findings = model.Findings.Where(f => f.Project == project.Name).ToList();
            var kind = ModelNames.Of(project.Kind);
            if (project.Kind == ProjectKind.Library)
            {
                notContainerized.Add(new ProjectNote(project.Name, kind, "class library: it is built into the services that reference it", []));
                continue;
            }

            if (project.Verdict is null)
            {
                notContainerized.Add(new ProjectNote(project.Name, kind, "not analysed, so nothing is known about its state", Words(project.Reasons)));
                continue;
            }

            if (project.Verdict == Verdict.HostBound)
            {
                hostBound.Add(new ProjectNote(project.Name, kind, "host-bound: it uses facilities of its Windows host that no container offers", Words(project.Reasons)));
                continue;
            }

            var tfm = TargetFrameworks.Pick(project.TargetFramework);
            var version = TargetFrameworks.Version(tfm);
            var name = UniqueName(ServiceName(project.Name), usedNames);
            var dockerfile = name + "/Dockerfile";
            var dockerfileFromContext = Relative(root, Path.Combine(containers, name, "Dockerfile"));

            if (project.SdkStyle && version is not null && !TargetFrameworks.IsWindowsOnly(tfm))
            {
                services.Add(LinuxService(project, findings, name, version, tfm!, dockerfile, dockerfileFromContext, byName, rules, options, findingPlans, mustDecide));
            }
            else if (TargetFrameworks.IsNetFramework(tfm) || !project.SdkStyle)
            {
                var isWeb = project.Kind == ProjectKind.Web;
                windows.Add(new ServicePlan
                {
                    Name = name,
                    Project = project.Name,
                    ProjectPath = project.Path.Replace('\\', '/'),
                    Kind = kind,
                    Verdict = ModelNames.Of(project.Verdict.Value),
                    IsWeb = isWeb,
                    Replicas = 1,
                    Image = "localhost/" + name + ":latest",
                    BuildImage = "mcr.microsoft.com/dotnet/framework/sdk:4.8",
                    RuntimeImage = isWeb ? "mcr.microsoft.com/dotnet/framework/aspnet:4.8" : "mcr.microsoft.com/dotnet/framework/runtime:4.8",
                    AssemblyName = project.AssemblyName ?? project.Name,
                    FrameworkArgument = string.Empty,
                    Dockerfile = dockerfile,
                    DockerfileFromContext = dockerfileFromContext,
                    RestoreFiles = [],
                    HostPort = 0,
                    Volumes = [],
                    Environment = [],
                    Secrets = Secrets(name, project),
                    ReadOnlyRoot = false,
                    UsesRedis = false,
                });
                foreach (var finding in findings)
                {
                    findingPlans.Add(Advise(project, finding, rules, "compose.windows.yaml: map it by hand (Windows containers, see below)"));
                }
            }
            else
            {
                notContainerized.Add(new ProjectNote(project.Name, kind, $"targets '{project.TargetFramework}', for which there is no Linux .NET image; retarget it to net8.0 or later", []));
            }
        }

        // Ports: the Linux web services first (the compose file most people run), then the Windows ones.
        services = services.Select(s => s.IsWeb ? s with { HostPort = port++ } : s).ToList();
        windows = windows.Select(s => s.IsWeb ? s with { HostPort = port++ } : s).ToList();

        var outputInsideRoot = Relative(root, output);
        return new ScaffoldPlan
        {
            SolutionName = Path.GetFileNameWithoutExtension(model.Input),
            ContextPath = Relative(containers, root),
            OutputInsideRoot = outputInsideRoot.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(outputInsideRoot) ? null : outputInsideRoot,
            Services = services,
            WindowsServices = windows,
            HostBound = hostBound,
            NotContainerized = notContainerized,
            Findings = findingPlans.OrderBy(f => f.Project, StringComparer.Ordinal).ThenBy(f => f.Location, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList(),
            MustDecide = mustDecide.OrderBy(m => m.Project, StringComparer.Ordinal).ThenBy(m => m.Location, StringComparer.Ordinal).ToList(),
            UsesRedis = services.Any(s => s.UsesRedis),
            VolumeSize = options.VolumeSize,
            Notices = notices,
        };
    }

    private static ServicePlan LinuxService(
        ProjectSummary project,
        IReadOnlyList<Finding> findings,
        string name,
        Version version,
        string tfm,
        string dockerfile,
        string dockerfileFromContext,
        IReadOnlyDictionary<string, ProjectSummary> byName,
        IReadOnlyDictionary<string, RuleInfo> rules,
        ScaffoldOptions options,
        List<FindingPlan> findingPlans,
        List<UndecidedPath> mustDecide)
    {
        var isWeb = project.Kind == ProjectKind.Web;
        var replicas = project.Verdict == Verdict.Stateless ? 2 : 1;
        var tag = TargetFrameworks.ImageTag(version);

        // Written directories: one volume each, nested directories share their parent's volume.
        // The engine decided each write's target; the plan only groups the mount paths into volumes.
        var mapped = findings.Where(f => f.Target is not null)
            .Select(f => (Finding: f, Path: f.Target!))
            .ToList();
        var directories = mapped.Where(m => m.Path.MountPath is not null).Select(m => m.Path.MountPath!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var mountPaths = new List<string>();
        foreach (var directory in directories)
        {
            if (!mountPaths.Any(p => directory.StartsWith(p + "/", StringComparison.Ordinal)))
            {
                mountPaths.Add(directory);
            }
        }

        var volumeNames = new HashSet<string>(StringComparer.Ordinal);
        var volumes = mountPaths.Select(path =>
        {
            var volumeName = name + "-" + Slug(path[(path.LastIndexOf('/') + 1)..]);
            if (!volumeNames.Add(volumeName))
            {
                volumeName = name + "-" + Slug(path);
                volumeNames.Add(volumeName);
            }

            var sources = mapped.Where(m => m.Path.MountPath is { } d && (d == path || d.StartsWith(path + "/", StringComparison.Ordinal)))
                .Select(m => $"{m.Finding.File}:{m.Finding.Line}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return new VolumePlan { Name = volumeName, Service = name, MountPath = path, AccessMode = replicas > 1 ? "ReadWriteMany" : "ReadWriteOnce", Sources = sources };
        }).ToList();

        var environment = new SortedDictionary<string, EnvironmentEntry>(StringComparer.Ordinal);
        foreach (var (finding, path) in mapped.Where(m => m.Path.ConfigKey is not null && m.Path.MountPath is not null))
        {
            var variable = EnvironmentName(path.ConfigKey!);
            environment[variable] = new EnvironmentEntry(variable, Quote(path.MountPath!), $"points {path.ConfigKey} at its volume");
        }

        var usesRedis = findings.Any(f => f.Remedy is Remedy.RedisSession or Remedy.DistributedCache);
        if (usesRedis)
        {
            environment["ConnectionStrings__Redis"] = new EnvironmentEntry("ConnectionStrings__Redis", Quote(RedisConnection), "the shared session/cache store, once the code uses it");
        }

        var secrets = Secrets(name, project);
        foreach (var secret in secrets)
        {
            environment.Remove(secret.EnvironmentName);
        }

        var undecided = mapped.Where(m => m.Path.Undecided).ToList();
        foreach (var (finding, path) in undecided)
        {
            mustDecide.Add(new UndecidedPath(project.Name, finding.RuleId, $"{finding.File}:{finding.Line}", path.Directory ?? (path.ConfigKey is null ? "(unresolved)" : "{config:" + path.ConfigKey + "}"), path.Reason ?? "the path could not be resolved"));
        }

        foreach (var finding in findings)
        {
            var path = mapped.FirstOrDefault(m => ReferenceEquals(m.Finding, finding)).Path;
            string mappedTo;
            if (path is null)
            {
                mappedTo = MappedTo(finding);
            }
            else if (path.Temporary)
            {
                mappedTo = "tmpfs at /tmp (lost on restart, which is fine for temporary files)";
            }
            else if (path.MountPath is { } directory)
            {
                var volume = volumes.First(v => directory == v.MountPath || directory.StartsWith(v.MountPath + "/", StringComparison.Ordinal));
                mappedTo = $"volume `{volume.Name}` at `{volume.MountPath}`"
                    + (path.ConfigKey is null ? string.Empty : $"; `{EnvironmentName(path.ConfigKey)}={directory}`")
                    + (path.Values.Count > 0 ? $" (value of `{path.ConfigKey}` from {path.Values.First(v => v.Environment == path.Environment).File})" : string.Empty);
            }
            else
            {
                mappedTo = "nothing: must decide (see below)";
            }

            findingPlans.Add(Advise(project, finding, rules, mappedTo));
        }

        var readOnly = undecided.Count == 0;
        return new ServicePlan
        {
            Name = name,
            Project = project.Name,
            ProjectPath = project.Path.Replace('\\', '/'),
            Kind = ModelNames.Of(project.Kind),
            Verdict = ModelNames.Of(project.Verdict!.Value),
            IsWeb = isWeb,
            Replicas = replicas,
            Image = "localhost/" + name + ":latest",
            BuildImage = $"mcr.microsoft.com/dotnet/sdk:{tag}",
            RuntimeImage = isWeb || project.UsesAspNetCore ? $"mcr.microsoft.com/dotnet/aspnet:{tag}" : $"mcr.microsoft.com/dotnet/runtime:{tag}",
            AssemblyName = project.AssemblyName ?? project.Name,
            FrameworkArgument = TargetFrameworks.IsMultiTargeted(project.TargetFramework) ? " -f " + tfm : string.Empty,
            Dockerfile = dockerfile,
            DockerfileFromContext = dockerfileFromContext,
            RestoreFiles = RestoreFiles(project, byName),
            HostPort = 0,
            Volumes = volumes,
            Environment = environment.Values.ToList(),
            Secrets = secrets,
            ReadOnlyRoot = readOnly,
            ReadOnlyReason = readOnly ? null : "it writes to paths that are not mapped to a volume yet (see \"must decide\")",
            UsesRedis = usesRedis,
            Warnings = version.Major < 8 ? [$"{project.TargetFramework} is out of support; the image tag {tag} may no longer be published"] : [],
        };
    }

    private static IReadOnlyList<SecretPlan> Secrets(string service, ProjectSummary project) =>
        project.SecretNames.Select(key => new SecretPlan
        {
            Service = service,
            Project = project.Name,
            Key = key,
            EnvironmentName = EnvironmentName(key),
            Variable = Variable(service + "_" + EnvironmentName(key)),
            SecretName = service + "-secrets",
        }).ToList();

    /// <summary>The environment variable name .NET maps onto a configuration key ("ConnectionStrings__OrdersDb").</summary>
    internal static string EnvironmentName(string key) =>
        key.StartsWith("appSettings:", StringComparison.Ordinal) ? key["appSettings:".Length..] : key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>Build property files on the way from the solution folder to each project, then the project files.</summary>
    private static IReadOnlyList<RestoreFile> RestoreFiles(ProjectSummary project, IReadOnlyDictionary<string, ProjectSummary> byName)
    {
        var closure = new SortedSet<string>(StringComparer.Ordinal);
        var props = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<ProjectSummary>([project]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { project.Name };
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            closure.Add(current.Path.Replace('\\', '/'));
            props.UnionWith(current.BuildFiles);
            foreach (var reference in current.ProjectReferences)
            {
                if (byName.TryGetValue(reference, out var referenced) && seen.Add(referenced.Name))
                {
                    queue.Enqueue(referenced);
                }
            }
        }

        return props.Concat(closure)
            .Select(file => new RestoreFile(file, file.Contains('/', StringComparison.Ordinal) ? file[..(file.LastIndexOf('/') + 1)] : "./"))
            .ToList();
    }

    private static FindingPlan Advise(ProjectSummary project, Finding finding, IReadOnlyDictionary<string, RuleInfo> rules, string mappedTo)
    {
        var title = rules.TryGetValue(finding.RuleId, out var rule) ? rule.Title : finding.Category;
        var state = finding.Symbol ?? finding.ConfigKey ?? finding.Category;
        return new FindingPlan(project.Name, finding.RuleId, title, $"{finding.File}:{finding.Line}", state, mappedTo, CodeChange(finding, project.SdkStyle));
    }

    private static string MappedTo(Finding finding) => finding.Remedy switch
    {
        Remedy.RedisSession or Remedy.DistributedCache => "`redis` service; `ConnectionStrings__Redis` is set",
        Remedy.DataProtectionKeys => "`redis` service or a volume, once the key ring is persisted (nothing mapped yet)",
        Remedy.ExternalService => "nothing: an external service (database, cache, broker) you provide",
        Remedy.Volume or Remedy.Refactor => "nothing: code change needed",
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding.Remedy, "not a remedy"),
    };

    /// <summary>What the team still changes in code: the generated files only provide the place for the state.</summary>
    internal static string CodeChange(Finding finding, bool sdkStyle) => RuleCatalogue.Get(finding.RuleId).Guidance.AdviceFor(sdkStyle);

    internal static string ServiceName(string project)
    {
        var builder = new StringBuilder();
        foreach (var c in project.ToLowerInvariant())
        {
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }

        var name = builder.ToString().Trim('-');
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        return name.Length == 0 ? "app" : char.IsDigit(name[0]) ? "app-" + name : name;
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = name + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static IReadOnlyList<string> Words(IReadOnlyList<Reason> reasons) => reasons.Select(ReasonText.Of).ToList();

    private static string Slug(string path) => ServiceName(path.Replace('/', '-'));

    /// <summary>A shell variable name: upper case, letters, digits and underscores.</summary>
    internal static string Variable(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToUpperInvariant())
        {
            builder.Append(c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>A YAML double-quoted scalar (JSON string syntax is valid YAML).</summary>
    internal static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly System.Text.Json.JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string Relative(string from, string to) => Path.GetRelativePath(from, to).Replace('\\', '/');
}
