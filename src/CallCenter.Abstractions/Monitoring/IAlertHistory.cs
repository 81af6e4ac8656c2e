namespace CallCenter.Monitoring;

/// <summary>
/// Every alert raised, with its acknowledgement and when it cleared, in the query store: the wallboard shows only open
/// ones, this is where a supervisor looks back. Keyed by the alert's key and the moment it was raised, so writing the
/// same alert again (acknowledged, cleared, repeated by a host) updates one row.
/// </summary>
public interface IAlertHistory
{
    Task Put(IReadOnlyList<Alert> alerts);

    /// <summary>Alerts raised in [from, to), newest first; <paramref name="text"/> matches the subject or the English message.</summary>
    Task<IReadOnlyList<Alert>> Search(DateTimeOffset from, DateTimeOffset to, AlertKind? kind, string? text, int limit);
}
