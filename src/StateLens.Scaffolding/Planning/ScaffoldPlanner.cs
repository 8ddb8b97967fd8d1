using System.Text;
using StateLens.Engine.Decomposition;
using StateLens.Engine.Model;

namespace StateLens.Scaffolding.Planning;

/// <summary>Decides, from the analysis model, which project becomes which container and where its state goes.</summary>
internal static class ScaffoldPlanner
{
    public const string RedisService = "redis";
    public const string RedisConnection = "redis:6379,abortConnect=false";

    private static readonly string[] BuildPropsFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "NuGet.Config"];

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
            if (project.Kind == "library")
            {
                notContainerized.Add(new ProjectNote(project.Name, project.Kind, "class library: it is built into the services that reference it", []));
                continue;
            }

            if (project.Verdict is null)
            {
                notContainerized.Add(new ProjectNote(project.Name, project.Kind, "not analysed, so nothing is known about its state", project.Reasons));
                continue;
            }

            if (project.Verdict == Decomposer.HostBound)
            {
                hostBound.Add(new ProjectNote(project.Name, project.Kind, "host-bound: it uses facilities of its Windows host that no container offers", project.Reasons));
                continue;
            }

            var tfm = TargetFrameworks.Pick(project.TargetFramework);
            var version = TargetFrameworks.Version(tfm);
            var projectFile = Path.Combine(root, project.Path);
            var projectDirectory = Path.GetDirectoryName(projectFile)!;
            var configuration = ProjectConfiguration.Read(projectDirectory);
            var name = UniqueName(ServiceName(project.Name), usedNames);
            var dockerfile = name + "/Dockerfile";
            var dockerfileFromContext = Relative(root, Path.Combine(containers, name, "Dockerfile"));

            if (project.SdkStyle && version is not null && !TargetFrameworks.IsWindowsOnly(tfm))
            {
                services.Add(LinuxService(model, project, findings, configuration, root, name, version, tfm!, projectFile, dockerfile, dockerfileFromContext, byName, rules, options, findingPlans, mustDecide));
            }
            else if (TargetFrameworks.IsNetFramework(tfm) || !project.SdkStyle)
            {
                var facts = ProjectFacts.Read(projectFile, project.Name);
                var isWeb = project.Kind == "web";
                windows.Add(new ServicePlan
                {
                    Name = name,
                    Project = project.Name,
                    ProjectPath = project.Path.Replace('\\', '/'),
                    Kind = project.Kind,
                    Verdict = project.Verdict,
                    IsWeb = isWeb,
                    Replicas = 1,
                    Image = "localhost/" + name + ":latest",
                    BuildImage = "mcr.microsoft.com/dotnet/framework/sdk:4.8",
                    RuntimeImage = isWeb ? "mcr.microsoft.com/dotnet/framework/aspnet:4.8" : "mcr.microsoft.com/dotnet/framework/runtime:4.8",
                    AssemblyName = facts.AssemblyName,
                    FrameworkArgument = string.Empty,
                    Dockerfile = dockerfile,
                    DockerfileFromContext = dockerfileFromContext,
                    RestoreFiles = [],
                    HostPort = 0,
                    Volumes = [],
                    Environment = [],
                    Secrets = Secrets(name, project.Name, configuration),
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
                notContainerized.Add(new ProjectNote(project.Name, project.Kind, $"targets '{project.TargetFramework}', for which there is no Linux .NET image; retarget it to net8.0 or later", []));
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
        AnalysisModel model,
        ProjectSummary project,
        IReadOnlyList<Finding> findings,
        ProjectConfiguration configuration,
        string root,
        string name,
        Version version,
        string tfm,
        string projectFile,
        string dockerfile,
        string dockerfileFromContext,
        IReadOnlyDictionary<string, ProjectSummary> byName,
        IReadOnlyDictionary<string, RuleInfo> rules,
        ScaffoldOptions options,
        List<FindingPlan> findingPlans,
        List<UndecidedPath> mustDecide)
    {
        var facts = ProjectFacts.Read(projectFile, project.Name);
        var isWeb = project.Kind == "web";
        var replicas = project.Verdict == Decomposer.Stateless ? 2 : 1;
        var tag = TargetFrameworks.ImageTag(version);

        // Written directories: one volume each, nested directories share their parent's volume.
        var mapped = findings.Where(f => f.Category == "file-write" || f.PathKind is not null)
            .Select(f => (Finding: f, Path: ContainerPaths.Map(f, configuration)))
            .ToList();
        var directories = mapped.Where(m => m.Path.Directory is not null).Select(m => m.Path.Directory!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
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

            var sources = mapped.Where(m => m.Path.Directory is { } d && (d == path || d.StartsWith(path + "/", StringComparison.Ordinal)))
                .Select(m => $"{m.Finding.File}:{m.Finding.Line}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return new VolumePlan { Name = volumeName, Service = name, MountPath = path, AccessMode = replicas > 1 ? "ReadWriteMany" : "ReadWriteOnce", Sources = sources };
        }).ToList();

        var environment = new SortedDictionary<string, EnvironmentEntry>(StringComparer.Ordinal);
        foreach (var (finding, path) in mapped.Where(m => m.Path.ConfigKey is not null && m.Path.Directory is not null))
        {
            var variable = path.ConfigKey!.Replace(":", "__", StringComparison.Ordinal);
            environment[variable] = new EnvironmentEntry(variable, Quote(path.Directory!), $"points {path.ConfigKey} at its volume");
        }

        var usesRedis = findings.Any(f => (f.Remedy ?? RuleRemedies.For(f.RuleId)) is RuleRemedies.RedisSession or RuleRemedies.DistributedCache);
        if (usesRedis)
        {
            environment["ConnectionStrings__Redis"] = new EnvironmentEntry("ConnectionStrings__Redis", Quote(RedisConnection), "the shared session/cache store, once the code uses it");
        }

        var secrets = Secrets(name, project.Name, configuration);
        foreach (var secret in secrets)
        {
            environment.Remove(secret.EnvironmentName);
        }

        var undecided = mapped.Where(m => m.Path.Undecided is not null).ToList();
        foreach (var (finding, path) in undecided)
        {
            mustDecide.Add(new UndecidedPath(project.Name, finding.RuleId, $"{finding.File}:{finding.Line}", finding.ResolvedPath ?? (path.ConfigKey is null ? "(unresolved)" : "{config:" + path.ConfigKey + "}"), path.Undecided!));
        }

        foreach (var finding in findings)
        {
            var path = mapped.FirstOrDefault(m => ReferenceEquals(m.Finding, finding)).Path;
            string mappedTo;
            if (path is null)
            {
                mappedTo = MappedTo(finding);
            }
            else if (path.IsTemp)
            {
                mappedTo = "tmpfs at /tmp (lost on restart, which is fine for temporary files)";
            }
            else if (path.Directory is { } directory)
            {
                var volume = volumes.First(v => directory == v.MountPath || directory.StartsWith(v.MountPath + "/", StringComparison.Ordinal));
                mappedTo = $"volume `{volume.Name}` at `{volume.MountPath}`"
                    + (path.ConfigKey is null ? string.Empty : $"; `{path.ConfigKey.Replace(":", "__", StringComparison.Ordinal)}={directory}`")
                    + (path.ResolvedFromSettings ? $" (value of `{path.ConfigKey}` read from the project's settings)" : string.Empty);
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
            Kind = project.Kind,
            Verdict = project.Verdict!,
            IsWeb = isWeb,
            Replicas = replicas,
            Image = "localhost/" + name + ":latest",
            BuildImage = $"mcr.microsoft.com/dotnet/sdk:{tag}",
            RuntimeImage = isWeb || facts.UsesAspNetCore ? $"mcr.microsoft.com/dotnet/aspnet:{tag}" : $"mcr.microsoft.com/dotnet/runtime:{tag}",
            AssemblyName = facts.AssemblyName,
            FrameworkArgument = TargetFrameworks.IsMultiTargeted(project.TargetFramework) ? " -f " + tfm : string.Empty,
            Dockerfile = dockerfile,
            DockerfileFromContext = dockerfileFromContext,
            RestoreFiles = RestoreFiles(project, root, byName),
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

    private static IReadOnlyList<SecretPlan> Secrets(string service, string project, ProjectConfiguration configuration) =>
        configuration.Secrets.Select(s => new SecretPlan
        {
            Service = service,
            Project = project,
            Key = s.Key,
            EnvironmentName = s.EnvironmentName,
            Variable = Variable(service + "_" + s.EnvironmentName),
            SecretName = service + "-secrets",
        }).ToList();

    /// <summary>Build property files on the way from the solution folder to each project, then the project files.</summary>
    private static IReadOnlyList<RestoreFile> RestoreFiles(ProjectSummary project, string root, IReadOnlyDictionary<string, ProjectSummary> byName)
    {
        var closure = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<ProjectSummary>([project]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { project.Name };
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            closure.Add(current.Path.Replace('\\', '/'));
            foreach (var reference in current.ProjectReferences)
            {
                if (byName.TryGetValue(reference, out var referenced) && seen.Add(referenced.Name))
                {
                    queue.Enqueue(referenced);
                }
            }
        }

        var props = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in closure)
        {
            var folder = Path.GetDirectoryName(Path.Combine(root, path));
            while (folder is not null && (folder + Path.DirectorySeparatorChar).StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                foreach (var file in BuildPropsFiles)
                {
                    var candidate = Path.Combine(folder, file);
                    if (File.Exists(candidate) && Directory.EnumerateFiles(folder, file).Any(f => Path.GetFileName(f) == file))
                    {
                        props.Add(Relative(root, candidate));
                    }
                }

                folder = string.Equals(folder.TrimEnd(Path.DirectorySeparatorChar), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal) ? null : Path.GetDirectoryName(folder);
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

    private static string MappedTo(Finding finding) => (finding.Remedy ?? RuleRemedies.For(finding.RuleId)) switch
    {
        RuleRemedies.RedisSession or RuleRemedies.DistributedCache => "`redis` service; `ConnectionStrings__Redis` is set",
        RuleRemedies.DataProtectionKeys => "`redis` service or a volume, once the key ring is persisted (nothing mapped yet)",
        RuleRemedies.ExternalService => "nothing: an external service (database, cache, broker) you provide",
        _ => "nothing: code change needed",
    };

    /// <summary>What the team still changes in code: the generated files only provide the place for the state.</summary>
    internal static string CodeChange(Finding finding, bool aspNetCore) => finding.RuleId switch
    {
        "SL2001" or "SL5001" => "switch System.Web session to an out-of-process store: the Microsoft.Web.RedisSessionStateProvider package with `<sessionState mode=\"Custom\" customProvider=\"Redis\">`, or SQL Server session state",
        "SL2002" or "SL2003" or "SL2004" => "switch session to Redis: add package Microsoft.Extensions.Caching.StackExchangeRedis, replace `AddDistributedMemoryCache()` with `AddStackExchangeRedisCache(o => o.Configuration = builder.Configuration.GetConnectionString(\"Redis\"))`; `ConnectionStrings__Redis` is already set",
        "SL3004" => "replace IMemoryCache with IDistributedCache or HybridCache on Redis (`AddStackExchangeRedisCache`), or keep it only for read-only data each replica may cache on its own",
        "SL3001" or "SL3002" or "SL3003" or "SL3005" => "move shared data to Redis (IDistributedCache) or the database; a per-replica cache may stay only for read-only data",
        "SL4001" or "SL4002" or "SL4005" => "move the mutable static state to Redis or the database; keep statics for immutable data",
        "SL4003" or "SL4004" => "make the singleton stateless or keep its state in the database or Redis (e.g. sequence numbers from a database sequence)",
        "SL5002" => "log to standard output (console sink) and let the container runtime collect it",
        "SL5004" => "move the local database file to a database server; supply its connection string as a secret",
        "SL5005" => aspNetCore
            ? "share the Data Protection key ring: add package Microsoft.AspNetCore.DataProtection.StackExchangeRedis and call `AddDataProtection().PersistKeysToStackExchangeRedis(...)` (or persist the keys to a volume)"
            : "set a fixed `<machineKey>` with explicit keys in web.config, supplied as a secret",
        "SL1004" => "none: /tmp is a tmpfs; files there do not survive a restart",
        _ when finding.Category == "file-write" => "none for a single replica; for several replicas move the files to blob storage or a ReadWriteMany volume",
        _ => RuleRemedies.Explain(finding.Remedy ?? RuleRemedies.For(finding.RuleId)),
    };

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
