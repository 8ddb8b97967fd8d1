using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace StateLens.Rules;

/// <summary>The descriptor catalogue: one descriptor per rule ID, all made by one factory.</summary>
public static class Descriptors
{
    /// <summary>Rule pages live in the repository under docs/rules; the report and SARIF link here too.</summary>
    public const string HelpBaseUri = RepositoryInfo.RuleDocsBaseUri;

    // Declared before the descriptors: static fields initialise in text order and Create adds to it.
    internal static readonly Dictionary<string, RuleEntry> Entries = new(StringComparer.Ordinal);

    public static readonly DiagnosticDescriptor FileWriteUnderAppFolder = Create(
        RuleIds.FileWriteUnderAppFolder, StateCategories.FileWrite, DiagnosticSeverity.Warning,
        "File is written under the application folder",
        "'{0}' writes to '{1}' inside the application folder, which is read-only or lost when the container is replaced",
        "Containers run from an immutable image, often read-only and as a non-root user; files written next to the application are lost on restart and are not shared between replicas.",
        new RuleGuidance(Remedy.Volume, "none for a single replica; for several replicas move the files to blob storage or a ReadWriteMany volume"));

    public static readonly DiagnosticDescriptor FileWriteOutsideAppFolder = Create(
        RuleIds.FileWriteOutsideAppFolder, StateCategories.FileWrite, DiagnosticSeverity.Info,
        "File is written to a local path outside the application folder",
        "'{0}' writes to '{1}' on the local disk; mount a volume there or move the data to shared storage",
        "A write to a configured or absolute local path survives only if that path is a mounted volume; replicas each see their own copy.",
        new RuleGuidance(Remedy.Volume, "none for a single replica; for several replicas move the files to blob storage or a ReadWriteMany volume"));

    public static readonly DiagnosticDescriptor UploadSavedLocally = Create(
        RuleIds.UploadSavedLocally, StateCategories.FileWrite, DiagnosticSeverity.Warning,
        "Uploaded file is saved to the local disk",
        "Upload saved by '{0}' to '{1}' stays on this instance; store uploads on a volume or in blob storage",
        "Uploads saved to the local disk are visible only to the replica that received them and vanish with the container.",
        new RuleGuidance(Remedy.Volume, "none for a single replica; for several replicas move the files to blob storage or a ReadWriteMany volume"));

    public static readonly DiagnosticDescriptor TempFileWrite = Create(
        RuleIds.TempFileWrite, StateCategories.FileWrite, DiagnosticSeverity.Info,
        "Temporary file is written to the local disk",
        "'{0}' creates a temporary file; give the container a writable /tmp (tmpfs) and do not rely on it between requests",
        "Temporary files need a writable /tmp in a read-only container and are not shared between replicas.",
        new RuleGuidance(Remedy.Volume, "none: /tmp is a tmpfs; files there do not survive a restart"));

    public static readonly DiagnosticDescriptor SystemWebSessionState = Create(
        RuleIds.SystemWebSessionState, StateCategories.SessionState, DiagnosticSeverity.Warning,
        "System.Web session state is kept in process memory",
        "'{0}' uses ASP.NET session state, which is lost on restart and split across replicas unless it is moved to a shared store",
        "In-process session state lives in one worker process; a second replica or a restart loses it.",
        new RuleGuidance(Remedy.RedisSession, "switch System.Web session to an out-of-process store: the Microsoft.Web.RedisSessionStateProvider package with `<sessionState mode=\"Custom\" customProvider=\"Redis\">`, or SQL Server session state"));

    public static readonly DiagnosticDescriptor AspNetCoreSession = Create(
        RuleIds.AspNetCoreSession, StateCategories.SessionState, DiagnosticSeverity.Info,
        "ASP.NET Core session state is used",
        "'{0}' uses ASP.NET Core session; back it with a distributed cache (Redis, SQL Server) shared by all replicas",
        "ASP.NET Core session is only as durable as the IDistributedCache behind it.",
        new RuleGuidance(Remedy.RedisSession, "switch session to Redis: add package Microsoft.Extensions.Caching.StackExchangeRedis, replace `AddDistributedMemoryCache()` with `AddStackExchangeRedisCache(o => o.Configuration = builder.Configuration.GetConnectionString(\"Redis\"))`; `ConnectionStrings__Redis` is already set"));

    public static readonly DiagnosticDescriptor TempDataInSession = Create(
        RuleIds.TempDataInSession, StateCategories.SessionState, DiagnosticSeverity.Info,
        "TempData is kept in session state",
        "'{0}' keeps TempData in session state; use the cookie TempData provider or a distributed session store",
        "The session TempData provider inherits every limitation of in-process session state.",
        new RuleGuidance(Remedy.RedisSession, "switch session to Redis: add package Microsoft.Extensions.Caching.StackExchangeRedis, replace `AddDistributedMemoryCache()` with `AddStackExchangeRedisCache(o => o.Configuration = builder.Configuration.GetConnectionString(\"Redis\"))`; `ConnectionStrings__Redis` is already set"));

    public static readonly DiagnosticDescriptor SessionOnInMemoryCache = Create(
        RuleIds.SessionOnInMemoryCache, StateCategories.SessionState, DiagnosticSeverity.Warning,
        "Session is backed only by an in-memory distributed cache",
        "'{0}' stores sessions in AddDistributedMemoryCache, which lives in this process; register a Redis or SQL Server distributed cache",
        "AddDistributedMemoryCache is not distributed: each replica has its own sessions.",
        new RuleGuidance(Remedy.RedisSession, "switch session to Redis: add package Microsoft.Extensions.Caching.StackExchangeRedis, replace `AddDistributedMemoryCache()` with `AddStackExchangeRedisCache(o => o.Configuration = builder.Configuration.GetConnectionString(\"Redis\"))`; `ConnectionStrings__Redis` is already set"),
        compilationEnd: true);

    public static readonly DiagnosticDescriptor ApplicationState = Create(
        RuleIds.ApplicationState, StateCategories.AppStateCache, DiagnosticSeverity.Warning,
        "Application state is kept in process memory",
        "'{0}' uses HttpApplicationState, which each replica keeps separately and loses on restart",
        "Application state is a per-process dictionary; counters and shared data diverge across replicas.",
        new RuleGuidance(Remedy.DistributedCache, "move shared data to Redis (IDistributedCache) or the database; a per-replica cache may stay only for read-only data"));

    public static readonly DiagnosticDescriptor SystemWebCache = Create(
        RuleIds.SystemWebCache, StateCategories.AppStateCache, DiagnosticSeverity.Warning,
        "System.Web cache is kept in process memory",
        "'{0}' uses the System.Web cache, which is local to each replica; use a distributed cache where replicas must agree",
        "HttpRuntime.Cache lives in the worker process: cold after every restart, inconsistent across replicas.",
        new RuleGuidance(Remedy.DistributedCache, "move shared data to Redis (IDistributedCache) or the database; a per-replica cache may stay only for read-only data"),
        compilationEnd: true);

    public static readonly DiagnosticDescriptor RuntimeMemoryCache = Create(
        RuleIds.RuntimeMemoryCache, StateCategories.AppStateCache, DiagnosticSeverity.Warning,
        "System.Runtime.Caching.MemoryCache is kept in process memory",
        "'{0}' uses System.Runtime.Caching.MemoryCache, which is local to each replica; use a distributed cache where replicas must agree",
        "MemoryCache lives in the process: cold after every restart, inconsistent across replicas.",
        new RuleGuidance(Remedy.DistributedCache, "move shared data to Redis (IDistributedCache) or the database; a per-replica cache may stay only for read-only data"));

    public static readonly DiagnosticDescriptor ExtensionsMemoryCache = Create(
        RuleIds.ExtensionsMemoryCache, StateCategories.AppStateCache, DiagnosticSeverity.Info,
        "IMemoryCache is local to each replica",
        "'{0}' uses IMemoryCache; each replica caches separately, use IDistributedCache or HybridCache where they must agree",
        "IMemoryCache is fine for derived data but not for anything replicas must share or that must survive a restart.",
        new RuleGuidance(Remedy.DistributedCache, "replace IMemoryCache with IDistributedCache or HybridCache on Redis (`AddStackExchangeRedisCache`), or keep it only for read-only data each replica may cache on its own"));

    public static readonly DiagnosticDescriptor InMemoryOutputCache = Create(
        RuleIds.InMemoryOutputCache, StateCategories.AppStateCache, DiagnosticSeverity.Info,
        "Output or response cache is kept in process memory",
        "'{0}' caches responses in process memory; use a distributed output cache store such as Redis for consistent replicas",
        "In-memory output caches are per replica and cold after restarts.",
        new RuleGuidance(Remedy.DistributedCache, "move shared data to Redis (IDistributedCache) or the database; a per-replica cache may stay only for read-only data"),
        compilationEnd: true);

    public static readonly DiagnosticDescriptor InProcessOrmCache = Create(
        RuleIds.InProcessOrmCache, StateCategories.AppStateCache, DiagnosticSeverity.Info,
        "ORM second-level cache is kept in process memory",
        "'{0}' keeps the ORM's second-level cache in process memory; entities one replica changes stay stale in the others' caches",
        "An in-process second-level cache (NHibernate SysCache, SysCache2, HashtableCache, RtMemoryCache, CoreMemoryCache; EF6 EFCache InMemoryCache; EF Core second-level cache on the memory provider) is per replica and is not invalidated by another replica's writes.",
        new RuleGuidance(Remedy.DistributedCache, "switch the second-level cache to a distributed provider (NHibernate.Caches.StackExchangeRedis, an EF second-level cache on Redis) or turn it off; a per-replica cache may stay only for read-only entities"));

    public static readonly DiagnosticDescriptor StaticFieldWritten = Create(
        RuleIds.StaticFieldWritten, StateCategories.StaticMutableState, DiagnosticSeverity.Warning,
        "Static field is written after initialization",
        "Static field '{0}' is written in '{1}'; its value is per process and lost on restart or scale-out",
        "A static field written at run time is process-wide state that replicas do not share.",
        new RuleGuidance(Remedy.DistributedCache, "move the mutable static state to Redis or the database; keep statics for immutable data"),
        compilationEnd: true);

    public static readonly DiagnosticDescriptor StaticCollectionMutated = Create(
        RuleIds.StaticCollectionMutated, StateCategories.StaticMutableState, DiagnosticSeverity.Warning,
        "Static collection is mutated at run time",
        "Static collection '{0}' is changed in '{1}'; it acts as an in-process store that replicas do not share",
        "Static dictionaries and lists used as caches or stores are per-process state.",
        new RuleGuidance(Remedy.DistributedCache, "move the mutable static state to Redis or the database; keep statics for immutable data"),
        compilationEnd: true);

    public static readonly DiagnosticDescriptor StatefulSingleton = Create(
        RuleIds.StatefulSingleton, StateCategories.Singleton, DiagnosticSeverity.Info,
        "Hand-rolled singleton holds mutable state",
        "Singleton '{0}' keeps mutable state ({1}) for the whole process; replicas each hold their own copy",
        "A process-wide singleton with mutable fields is in-memory state.",
        new RuleGuidance(Remedy.ExternalService, "make the singleton stateless or keep its state in the database or Redis (e.g. sequence numbers from a database sequence)"),
        compilationEnd: true);

    public static readonly DiagnosticDescriptor StatefulDiSingleton = Create(
        RuleIds.StatefulDiSingleton, StateCategories.Singleton, DiagnosticSeverity.Info,
        "Class with mutable state is registered as a DI singleton",
        "'{0}' is registered as a singleton and keeps mutable state ({1}); replicas each hold their own copy",
        "A DI singleton with mutable fields is in-memory state that replicas do not share.",
        new RuleGuidance(Remedy.ExternalService, "make the singleton stateless or keep its state in the database or Redis (e.g. sequence numbers from a database sequence)"),
        compilationEnd: true);

    public static readonly DiagnosticDescriptor ThreadStaticField = Create(
        RuleIds.ThreadStaticField, StateCategories.StaticMutableState, DiagnosticSeverity.Info,
        "Thread-static field keeps per-thread state",
        "'{0}' keeps per-thread state in process memory",
        "Thread-static state is tied to one process and one thread.",
        new RuleGuidance(Remedy.DistributedCache, "move the mutable static state to Redis or the database; keep statics for immutable data"));

    public static readonly DiagnosticDescriptor InProcSessionConfig = Create(
        RuleIds.InProcSessionConfig, StateCategories.ConfigState, DiagnosticSeverity.Warning,
        "Session state mode keeps sessions on one server",
        "sessionState mode '{0}' keeps sessions on one server; use a SQL Server or Redis session state provider",
        "InProc and StateServer session modes pin users to a single process or machine.",
        new RuleGuidance(Remedy.RedisSession, "switch System.Web session to an out-of-process store: the Microsoft.Web.RedisSessionStateProvider package with `<sessionState mode=\"Custom\" customProvider=\"Redis\">`, or SQL Server session state"));

    public static readonly DiagnosticDescriptor FileLogger = Create(
        RuleIds.FileLogger, StateCategories.ConfigState, DiagnosticSeverity.Warning,
        "Logger writes to a local file",
        "{0} writes logs to a local file; log to stdout or a log service, or mount a volume for the log folder",
        "Containers are expected to log to stdout; local log files fill the writable layer and vanish with it.",
        new RuleGuidance(Remedy.Refactor, "log to standard output (console sink) and let the container runtime collect it"));

    public static readonly DiagnosticDescriptor HardCodedMachinePath = Create(
        RuleIds.HardCodedMachinePath, StateCategories.ConfigState, DiagnosticSeverity.Info,
        "Path is hard-coded to a machine drive or share",
        "'{0}' is a machine-specific path; make it configurable and mount a volume there",
        "Drive letters and UNC shares name one machine's storage, which a container does not have.",
        new RuleGuidance(Remedy.Volume, "mount a volume at the written directory (or move the files to blob storage)", pinsToHost: true));

    public static readonly DiagnosticDescriptor LocalDatabaseFile = Create(
        RuleIds.LocalDatabaseFile, StateCategories.ConfigState, DiagnosticSeverity.Warning,
        "Database is a local file",
        "'{0}' points to a database file on the local disk; use a database server or put the file on a volume",
        "LocalDB, SQL CE and SQLite files live on one disk and cannot be shared by replicas.",
        new RuleGuidance(Remedy.ExternalService, "move the local database file to a database server; supply its connection string as a secret"));

    public static readonly DiagnosticDescriptor UnsharedProtectionKeys = Create(
        RuleIds.UnsharedProtectionKeys, StateCategories.ConfigState, DiagnosticSeverity.Info,
        "Cookie protection keys are not shared between replicas",
        "{0}; cookies and antiforgery tokens made by one replica cannot be read by another",
        "Without a fixed machineKey or persisted Data Protection keys each replica signs cookies with its own key.",
        new RuleGuidance(Remedy.DataProtectionKeys, "share the Data Protection key ring: add package Microsoft.AspNetCore.DataProtection.StackExchangeRedis and call `AddDataProtection().PersistKeysToStackExchangeRedis(...)` (or persist the keys to a volume)", systemWebAdvice: "set a fixed `<machineKey>` with explicit keys in web.config, supplied as a secret"),
        compilationEnd: true);

    public static readonly DiagnosticDescriptor Registry = Create(
        RuleIds.Registry, StateCategories.OtherBlocker, DiagnosticSeverity.Warning,
        "Windows registry is used",
        "'{0}' uses the Windows registry, which Linux containers do not have; move the setting to configuration",
        "The registry is host state that Linux containers lack and Windows containers do not share.",
        new RuleGuidance(Remedy.Refactor, "refactor the code away from the host facility", pinsToHost: true));

    public static readonly DiagnosticDescriptor EventLog = Create(
        RuleIds.EventLog, StateCategories.OtherBlocker, DiagnosticSeverity.Info,
        "Windows event log is written",
        "'{0}' writes to the Windows event log; log to stdout or a log service instead",
        "The event log is a Windows host facility; containers should log to stdout.",
        new RuleGuidance(Remedy.Refactor, "refactor the code away from the host facility", pinsToHost: true));

    public static readonly DiagnosticDescriptor Msmq = Create(
        RuleIds.Msmq, StateCategories.OtherBlocker, DiagnosticSeverity.Warning,
        "MSMQ queue is used",
        "'{0}' uses MSMQ, a Windows host service; move to a network message broker",
        "MSMQ queues live on one Windows machine and are not available in Linux containers.",
        new RuleGuidance(Remedy.Refactor, "refactor the code away from the host facility", pinsToHost: true));

    public static readonly DiagnosticDescriptor InProcessScheduling = Create(
        RuleIds.InProcessScheduling, StateCategories.OtherBlocker, DiagnosticSeverity.Info,
        "Work is scheduled in process in web code",
        "'{0}' schedules work inside the web process; it runs once per replica and stops when the container is recycled",
        "Timers and background threads in web code run on every replica and die with the container.",
        new RuleGuidance(Remedy.Refactor, "refactor the code away from the host facility", pinsToHost: true));

    public static readonly DiagnosticDescriptor ProcessStart = Create(
        RuleIds.ProcessStart, StateCategories.OtherBlocker, DiagnosticSeverity.Info,
        "Process is started on the host",
        "'{0}' starts a host process, which must exist in the container image",
        "Started programs are host dependencies that the image must carry.",
        new RuleGuidance(Remedy.Refactor, "refactor the code away from the host facility", pinsToHost: true));

    public static readonly DiagnosticDescriptor MachineNameIdentity = Create(
        RuleIds.MachineNameIdentity, StateCategories.OtherBlocker, DiagnosticSeverity.Info,
        "Machine name is used as an identity",
        "'{0}' reads the machine name, which is a random container ID that changes on every restart",
        "Container host names are ephemeral; they make poor identities.",
        new RuleGuidance(Remedy.Refactor, "refactor the code away from the host facility"));

    public static readonly DiagnosticDescriptor InMemoryBackingStore = Create(
        RuleIds.InMemoryBackingStore, StateCategories.OtherBlocker, DiagnosticSeverity.Info,
        "Library keeps its shared store in process memory",
        "'{0}' keeps {1} in process memory; each replica has its own copy and a restart loses it",
        "Job schedulers, SignalR and EF Core can run on an in-process store; with more than one replica they need the shared store the library offers.",
        new RuleGuidance(Remedy.ExternalService, "configure the library's shared store: Hangfire SQL Server or Redis storage, a Quartz.NET ADO.NET job store (clustered), a SignalR Redis backplane or Azure SignalR Service, a real database provider instead of EF Core InMemory"),
        compilationEnd: true);

    public static readonly DiagnosticDescriptor WindowsAuthentication = Create(
        RuleIds.WindowsAuthentication, StateCategories.OtherBlocker, DiagnosticSeverity.Info,
        "Windows authentication or a Windows account is used",
        "'{0}' relies on Windows authentication or the Windows account of the process, which a Linux container does not have",
        "Windows authentication (NTLM/Kerberos), impersonation and WindowsIdentity need a Windows host joined to the domain.",
        new RuleGuidance(Remedy.Refactor, "replace Windows authentication with OpenID Connect (Entra ID, ADFS) or run in a Windows container with a group managed service account; Kerberos in a Linux container needs a keytab", pinsToHost: true));

    public static readonly DiagnosticDescriptor WindowsOnlyApi = Create(
        RuleIds.WindowsOnlyApi, StateCategories.OtherBlocker, DiagnosticSeverity.Info,
        "Windows-only API is used",
        "'{0}' uses {1}, which a Linux container image cannot run",
        "Active Directory (System.DirectoryServices), WMI, performance counters, the service control manager, COM components and GDI+ exist only on Windows.",
        new RuleGuidance(Remedy.Refactor, "replace the API with a cross-platform one (LDAP through System.DirectoryServices.Protocols or Microsoft Graph, ImageSharp or SkiaSharp for images, a service instead of a COM component) or run in a Windows container", pinsToHost: true));

    /// <param name="compilationEnd">
    /// The rule decides only once the whole compilation is seen (e.g. every write of a static field); the IDE then
    /// shows it in full-solution analysis rather than while typing.
    /// </param>
    /// <param name="guidance">The rule's remedy, host pinning and container advice: the catalogue entry every consumer reads.</param>
    private static DiagnosticDescriptor Create(
        string id, string category, DiagnosticSeverity severity, string title, string messageFormat, string description, RuleGuidance guidance, bool compilationEnd = false)
    {
        var descriptor = new DiagnosticDescriptor(id, title, messageFormat, category, severity, isEnabledByDefault: true, description,
            helpLinkUri: HelpBaseUri + id + ".md",
            customTags: compilationEnd ? ["StateLens", WellKnownDiagnosticTags.CompilationEnd] : ["StateLens"]);
        Entries.Add(id, new RuleEntry(descriptor, guidance));
        return descriptor;
    }
}
