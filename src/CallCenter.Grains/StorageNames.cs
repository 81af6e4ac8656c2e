namespace CallCenter;

public static class StorageNames
{
    /// <summary>The grain-storage provider every CallCenter grain persists to (SQLite or PostgreSQL).</summary>
    public const string Grains = "callcenter";
}
