namespace CallCenter.Monitoring;

/// <summary>Which seats and queues exist, so a reactivated board can rebuild every tile from the grains themselves.</summary>
[GenerateSerializer]
public sealed class MonitorBoardRecord
{
    [Id(0)] public HashSet<string> Seats { get; set; } = [];

    [Id(1)] public HashSet<string> Queues { get; set; } = [];

    /// <summary>Open alerts with their acknowledgements, kept across restarts.</summary>
    [Id(2)] public Dictionary<string, Alert> OpenAlerts { get; set; } = [];

    /// <summary>Duty shifts reported to the board, with their day; only today's are shown and kept.</summary>
    [Id(3)] public Dictionary<string, DateOnly> Shifts { get; set; } = [];

    /// <summary>Agents with a quality score, so a reactivated board can show them again.</summary>
    [Id(4)] public HashSet<string> Agents { get; set; } = [];

    /// <summary>Alert thresholds an administrator saved; null uses the configured ones.</summary>
    [Id(5)] public AlertRules? Rules { get; set; }
}
