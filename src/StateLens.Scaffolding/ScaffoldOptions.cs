namespace StateLens.Scaffolding;

/// <summary>How <see cref="ScaffoldWriter"/> writes container files.</summary>
public sealed record ScaffoldOptions
{
    /// <summary>
    /// Replace files that StateLens generated before (their first line carries the generated marker) even when
    /// their content changed. Files without the marker are the user's and are never replaced, not even with Force.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>A folder with *.sbn files that replace the embedded templates of the same name.</summary>
    public string? TemplateDirectory { get; init; }

    /// <summary>Size requested by each Kubernetes PersistentVolumeClaim.</summary>
    public string VolumeSize { get; init; } = "1Gi";

    /// <summary>First 127.0.0.1 port compose publishes a web service on; the next web services count up from it.</summary>
    public int FirstHostPort { get; init; } = 8081;
}

/// <summary>What happened to one target file.</summary>
public enum ScaffoldFileStatus
{
    /// <summary>The file did not exist and was written.</summary>
    Written,

    /// <summary>A file generated earlier by StateLens was replaced (<see cref="ScaffoldOptions.Force"/>).</summary>
    Replaced,

    /// <summary>The file already had exactly the generated content.</summary>
    Unchanged,

    /// <summary>The file exists and was left alone; <see cref="ScaffoldFile.Reason"/> says why.</summary>
    Skipped,
}

/// <summary>One target file, relative to the output folder (forward slashes), and what happened to it.</summary>
public sealed record ScaffoldFile(string Path, ScaffoldFileStatus Status, string? Reason = null);

/// <summary>The files of one scaffold run, sorted by path.</summary>
public sealed record ScaffoldResult(IReadOnlyList<ScaffoldFile> Files)
{
    /// <summary>Files now holding the generated content (written, replaced or already equal).</summary>
    public IReadOnlyList<ScaffoldFile> Written => Files.Where(f => f.Status != ScaffoldFileStatus.Skipped).ToList();

    public IReadOnlyList<ScaffoldFile> Skipped => Files.Where(f => f.Status == ScaffoldFileStatus.Skipped).ToList();
}
