namespace CallCenter.Identity;

/// <summary>A new session: its id, when it ends, and the refresh secret of an API session (shown once, stored only as a hash).</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Identity.SessionGrant")]
public sealed record SessionGrant(
    [property: Id(0)] string SessionId,
    [property: Id(1)] DateTimeOffset Expires,
    [property: Id(2)] string? RefreshSecret);
