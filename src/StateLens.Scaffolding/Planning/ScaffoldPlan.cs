namespace StateLens.Scaffolding.Planning;

// The view model the templates read. Scriban exposes properties in snake_case (ServiceName -> service_name).
// Every list is sorted; nothing here depends on the clock or on the absolute location of the output folder.

/// <summary>Everything the scaffold templates render.</summary>
internal sealed record ScaffoldPlan
{
    public required string SolutionName { get; init; }

    /// <summary>The solution folder as compose sees it: relative from containers/ (forward slashes).</summary>
    public required string ContextPath { get; init; }

    /// <summary>Output folder relative to the solution folder when it lies inside it, else null.</summary>
    public string? OutputInsideRoot { get; init; }

    public required IReadOnlyList<ServicePlan> Services { get; init; }

    public required IReadOnlyList<ServicePlan> WindowsServices { get; init; }

    public required IReadOnlyList<ProjectNote> HostBound { get; init; }

    public required IReadOnlyList<ProjectNote> NotContainerized { get; init; }

    public required IReadOnlyList<FindingPlan> Findings { get; init; }

    public required IReadOnlyList<UndecidedPath> MustDecide { get; init; }

    public required bool UsesRedis { get; init; }

    public required string VolumeSize { get; init; }

    public required IReadOnlyList<string> Notices { get; init; }

    public IReadOnlyList<VolumePlan> Volumes => Services.SelectMany(s => s.Volumes).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<SecretPlan> Secrets => Services.Concat(WindowsServices).SelectMany(s => s.Secrets).OrderBy(s => s.Variable, StringComparer.Ordinal).ToList();
}

/// <summary>One container: its image, how to build it and how to run it.</summary>
internal sealed record ServicePlan
{
    /// <summary>Compose service, image and Kubernetes name: the project name in lower case, dots as dashes.</summary>
    public required string Name { get; init; }

    public required string Project { get; init; }

    /// <summary>Project file relative to the solution folder (forward slashes).</summary>
    public required string ProjectPath { get; init; }

    public required string Kind { get; init; }

    public required string Verdict { get; init; }

    public required bool IsWeb { get; init; }

    /// <summary>Kubernetes replicas: 2 for stateless services, 1 for anything that still keeps state.</summary>
    public required int Replicas { get; init; }

    public required string Image { get; init; }

    /// <summary>mcr.microsoft.com/dotnet/sdk:10.0 and the like.</summary>
    public required string BuildImage { get; init; }

    public required string RuntimeImage { get; init; }

    public required string AssemblyName { get; init; }

    /// <summary>The `-f` argument for multi-targeted projects, else empty.</summary>
    public required string FrameworkArgument { get; init; }

    /// <summary>Dockerfile path relative to the output folder's containers/ ("orders-web/Dockerfile").</summary>
    public required string Dockerfile { get; init; }

    /// <summary>Dockerfile path relative to the build context (the solution folder), as compose wants it.</summary>
    public required string DockerfileFromContext { get; init; }

    /// <summary>Files copied before `dotnet restore`: build props and the project files of this project and its references.</summary>
    public required IReadOnlyList<RestoreFile> RestoreFiles { get; init; }

    /// <summary>127.0.0.1 port that compose publishes 8080 on, 0 for services without HTTP.</summary>
    public required int HostPort { get; init; }

    public required IReadOnlyList<VolumePlan> Volumes { get; init; }

    public required IReadOnlyList<EnvironmentEntry> Environment { get; init; }

    public required IReadOnlyList<SecretPlan> Secrets { get; init; }

    /// <summary>True when every write the analysis found goes to a volume or /tmp: the root filesystem can be read-only.</summary>
    public required bool ReadOnlyRoot { get; init; }

    public string? ReadOnlyReason { get; init; }

    public required bool UsesRedis { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Directories created and handed to the non-root user in the final stage.</summary>
    public IReadOnlyList<string> OwnedDirectories => Volumes.Select(v => v.MountPath).ToList();
}

/// <summary>A named volume (compose) and PersistentVolumeClaim (Kubernetes) for one written directory.</summary>
internal sealed record VolumePlan
{
    public required string Name { get; init; }

    public required string Service { get; init; }

    public required string MountPath { get; init; }

    /// <summary>ReadWriteMany when several replicas share it, else ReadWriteOnce.</summary>
    public required string AccessMode { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }
}

/// <summary>A file copied before `dotnet restore`, and the folder it goes to ("Orders.Web/" or "./").</summary>
internal sealed record RestoreFile(string Source, string Target);

/// <summary>An environment variable with a plain value; <see cref="Value"/> is already a YAML double-quoted scalar.</summary>
internal sealed record EnvironmentEntry(string Name, string Value, string Reason);

/// <summary>A secret configuration entry, supplied at run time through <see cref="Variable"/> (compose) or a Secret (Kubernetes).</summary>
internal sealed record SecretPlan
{
    public required string Service { get; init; }

    public required string Project { get; init; }

    /// <summary>The configuration key ("ConnectionStrings:OrdersDb").</summary>
    public required string Key { get; init; }

    /// <summary>What .NET reads ("ConnectionStrings__OrdersDb"); also the key inside the Kubernetes Secret.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The shell variable the user sets before `compose up` ("ORDERS_WEB_CONNECTIONSTRINGS__ORDERSDB").</summary>
    public required string Variable { get; init; }

    public required string SecretName { get; init; }
}

/// <summary>A project that got no container files, and why.</summary>
internal sealed record ProjectNote(string Project, string Kind, string Why, IReadOnlyList<string> Reasons);

/// <summary>One stateful finding: where the scaffolder put its state and what the team still changes in code.</summary>
internal sealed record FindingPlan(string Project, string RuleId, string Title, string Location, string State, string MappedTo, string CodeChange);

/// <summary>A written directory the scaffolder could not place: no volume, the team must decide.</summary>
internal sealed record UndecidedPath(string Project, string RuleId, string Location, string Path, string Why);
