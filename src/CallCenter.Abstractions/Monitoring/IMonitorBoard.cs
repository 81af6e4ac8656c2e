namespace CallCenter.Monitoring;

/// <summary>The latest tile of every seat and queue, versioned, fanned out to every host's relay. Key 0.</summary>
[Alias("CallCenter.Monitoring.IMonitorBoard")]
public interface IMonitorBoard : IGrainWithIntegerKey
{
    [Alias("Publish")] Task Publish(IReadOnlyList<SeatTile> seats, IReadOnlyList<QueueTile> queues);

    /// <summary>A duty shift changed (rare: a few a day), so shifts report straight to the board.</summary>
    [OneWay, Alias("DutyChanged")] Task DutyChanged(CallCenter.Duty.DutyTile shift);

    /// <summary>An agent's quality score changed (an evaluation was submitted or revised).</summary>
    [OneWay, Alias("QualityChanged")] Task QualityChanged(CallCenter.Grading.QualityTile quality);

    [Alias("Snapshot")] Task<MonitorSnapshot> Snapshot();

    /// <summary>A supervisor acknowledges an open alert with a note; everyone sees it.</summary>
    [Alias("Acknowledge")] Task<Alert> Acknowledge(string key, string supervisor, string? note);

    /// <summary>The alert thresholds in force: an administrator's saved ones, else the configured defaults.</summary>
    [Alias("GetRules")] Task<AlertRules> GetRules();

    /// <summary>Saves thresholds that replace the configured ones from the next evaluation (within a second).</summary>
    [Alias("SetRules")] Task<AlertRules> SetRules(AlertRules rules);

    /// <summary>Hosts call this on a timer: observers expire if not refreshed.</summary>
    [Alias("Subscribe")] Task Subscribe(IMonitorObserver observer);

    [Alias("Unsubscribe")] Task Unsubscribe(IMonitorObserver observer);
}
