namespace CallCenter.Monitoring;

/// <summary>
/// A condition a supervisor should see: raised when a rule starts to hold, cleared when it stops. The key names the
/// rule and its subject, so one condition is one alert however often it is re-evaluated. <paramref name="Department"/>
/// and <paramref name="Queues"/> say which supervisors' scopes it belongs to (a queue alert has no department).
/// <paramref name="Message"/> is English; pages render <paramref name="Kind"/> with <paramref name="Args"/> in the reader's language.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Monitoring.Alert")]
public sealed record Alert(
    [property: Id(0)] string Key,
    [property: Id(1)] AlertKind Kind,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Message,
    [property: Id(4)] DateTimeOffset RaisedAt,
    [property: Id(5)] DateTimeOffset? ClearedAt = null,
    [property: Id(6)] string? AcknowledgedBy = null,
    [property: Id(7)] DateTimeOffset? AcknowledgedAt = null,
    [property: Id(8)] string? Note = null,
    [property: Id(9)] string? Department = null,
    [property: Id(10)] IReadOnlyList<string>? Queues = null,
    [property: Id(11)] IReadOnlyDictionary<string, string>? Args = null);
