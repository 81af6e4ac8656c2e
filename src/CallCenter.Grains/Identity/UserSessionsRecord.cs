namespace CallCenter.Identity;

[GenerateSerializer]
public sealed class UserSessionsRecord
{
    [Id(0)] public Dictionary<string, SessionRecord> Sessions { get; set; } = [];
}

[GenerateSerializer]
public sealed class SessionRecord
{
    [Id(0)] public string Kind { get; set; } = "";
    [Id(1)] public DateTimeOffset Started { get; set; }
    [Id(2)] public DateTimeOffset Expires { get; set; }

    /// <summary>SHA-256 of the refresh secret that may be exchanged next.</summary>
    [Id(3)] public string? RefreshHash { get; set; }

    /// <summary>Hashes of secrets already exchanged: seeing one again means a copy was stolen.</summary>
    [Id(4)] public List<string> SpentHashes { get; set; } = [];
}
