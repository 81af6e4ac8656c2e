namespace CallCenter.Identity;

[GenerateSerializer, Immutable]
[Alias("CallCenter.Identity.SessionInfo")]
public sealed record SessionInfo(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset Started,
    [property: Id(3)] DateTimeOffset Expires);
