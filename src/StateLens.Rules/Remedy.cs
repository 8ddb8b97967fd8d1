namespace StateLens.Rules;

/// <summary>
/// Where a rule's state goes so the code can run in stateless containers. Serialized in kebab case
/// ("redis-session") in statelens.json and SARIF.
/// </summary>
public enum Remedy
{
    /// <summary>A volume at the written directory, or blob storage.</summary>
    Volume,

    /// <summary>A distributed session store (Redis or SQL Server).</summary>
    RedisSession,

    /// <summary>A distributed cache or the database.</summary>
    DistributedCache,

    /// <summary>A shared Data Protection key ring or a fixed machineKey.</summary>
    DataProtectionKeys,

    /// <summary>An external service (database, cache or broker).</summary>
    ExternalService,

    /// <summary>Code changes away from a host facility.</summary>
    Refactor,
}
