namespace StateLens.Rules;

/// <summary>The finding categories of the JSON model; each descriptor's Category is one of these.</summary>
public static class StateCategories
{
    public const string FileWrite = "file-write";
    public const string SessionState = "session-state";
    public const string AppStateCache = "app-state-cache";
    public const string StaticMutableState = "static-mutable-state";
    public const string Singleton = "singleton";
    public const string ConfigState = "config-state";
    public const string OtherBlocker = "other-blocker";

    public static readonly string[] All =
    {
        FileWrite, SessionState, AppStateCache, StaticMutableState, Singleton, ConfigState, OtherBlocker,
    };
}
