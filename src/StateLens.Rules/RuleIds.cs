namespace StateLens.Rules;

/// <summary>Every rule ID, once. An ID is never reused; blocks of a thousand per concern.</summary>
public static class RuleIds
{
    public const string FileWriteUnderAppFolder = "SL1001";
    public const string FileWriteOutsideAppFolder = "SL1002";
    public const string UploadSavedLocally = "SL1003";
    public const string TempFileWrite = "SL1004";

    public const string SystemWebSessionState = "SL2001";
    public const string AspNetCoreSession = "SL2002";
    public const string TempDataInSession = "SL2003";
    public const string SessionOnInMemoryCache = "SL2004";

    public const string ApplicationState = "SL3001";
    public const string SystemWebCache = "SL3002";
    public const string RuntimeMemoryCache = "SL3003";
    public const string ExtensionsMemoryCache = "SL3004";
    public const string InMemoryOutputCache = "SL3005";
    public const string InProcessOrmCache = "SL3006";

    public const string StaticFieldWritten = "SL4001";
    public const string StaticCollectionMutated = "SL4002";
    public const string StatefulSingleton = "SL4003";
    public const string StatefulDiSingleton = "SL4004";
    public const string ThreadStaticField = "SL4005";

    public const string InProcSessionConfig = "SL5001";
    public const string FileLogger = "SL5002";
    public const string HardCodedMachinePath = "SL5003";
    public const string LocalDatabaseFile = "SL5004";
    public const string UnsharedProtectionKeys = "SL5005";

    public const string Registry = "SL6001";
    public const string EventLog = "SL6002";
    public const string Msmq = "SL6003";
    public const string InProcessScheduling = "SL6004";
    public const string ProcessStart = "SL6005";
    public const string MachineNameIdentity = "SL6006";
    public const string InMemoryBackingStore = "SL6007";
    public const string WindowsAuthentication = "SL6008";
    public const string WindowsOnlyApi = "SL6009";
}
