namespace StateLens.Engine.Decomposition;

/// <summary>
/// What a team does about each rule's state: the concrete target it moves to, and whether the state can move
/// out at all (externalizable) or ties the code to its host (host-bound).
/// </summary>
public static class RuleRemedies
{
    public const string Volume = "volume";
    public const string RedisSession = "redis-session";
    public const string DistributedCache = "distributed-cache";
    public const string DataProtectionKeys = "data-protection-keys";
    public const string ExternalService = "external-service";
    public const string Refactor = "refactor";

    /// <summary>Rules whose findings keep a project on a VM (or need refactoring first).</summary>
    private static readonly HashSet<string> HostBoundRules = new(StringComparer.Ordinal)
    {
        "SL5003", // machine drive letters and UNC shares
        "SL6001", // registry
        "SL6002", // event log
        "SL6003", // MSMQ
        "SL6004", // in-process scheduling in web code
        "SL6005", // host processes
    };

    public static string For(string ruleId) => ruleId switch
    {
        "SL1001" or "SL1002" or "SL1003" or "SL1004" => Volume,
        "SL2001" or "SL2002" or "SL2003" or "SL2004" or "SL5001" => RedisSession,
        "SL3001" or "SL3002" or "SL3003" or "SL3004" or "SL3005" => DistributedCache,
        "SL4001" or "SL4002" or "SL4005" => DistributedCache,
        "SL4003" or "SL4004" => ExternalService,
        "SL5002" => Refactor,
        "SL5003" => Volume,
        "SL5004" => ExternalService,
        "SL5005" => DataProtectionKeys,
        _ => Refactor,
    };

    public static bool IsHostBound(string ruleId) => HostBoundRules.Contains(ruleId);

    /// <summary>One line a team can act on, per remedy.</summary>
    public static string Explain(string remedy) => remedy switch
    {
        Volume => "mount a volume at the written directory (or move the files to blob storage)",
        RedisSession => "move session state to a distributed store (Redis or SQL Server)",
        DistributedCache => "move the shared data to a distributed cache or the database",
        DataProtectionKeys => "share the key ring (persisted Data Protection keys or a fixed machineKey)",
        ExternalService => "move the state into an external service (database, cache or broker)",
        _ => "refactor the code away from the host facility",
    };
}
