namespace CallCenter.Reporting;

/// <summary>Historical reports computed in SQL from call records and agent activity.</summary>
public interface IHistoryReports
{
    /// <summary>Per queue and interval: the calls that entered in it (local time), the overflowed ones in each queue they left.</summary>
    Task<IReadOnlyList<QueueInterval>> Queues(QueueReportQuery query);

    /// <summary>Per agent and day or month: time in each state from activity spans, calls and handle time from call records.</summary>
    Task<IReadOnlyList<AgentPeriod>> Agents(AgentReportQuery query);
}

/// <summary>
/// <paramref name="IntervalMinutes"/> is 15, 30, 60 or 1440 (a day), counted in <paramref name="Zone"/>'s wall-clock
/// time; <paramref name="TargetSeconds"/> gives each queue's service-level target (others use
/// <paramref name="DefaultTargetSeconds"/>).
/// </summary>
public sealed record QueueReportQuery(
    DateTimeOffset From,
    DateTimeOffset To,
    int IntervalMinutes,
    TimeZoneInfo Zone,
    IReadOnlyDictionary<string, double> TargetSeconds,
    double DefaultTargetSeconds = 20,
    string? Queue = null);

/// <summary>Days <paramref name="From"/> to <paramref name="To"/> inclusive, one row per agent and day, or per month.</summary>
public sealed record AgentReportQuery(DateOnly From, DateOnly To, bool ByMonth, string? Agent = null);
