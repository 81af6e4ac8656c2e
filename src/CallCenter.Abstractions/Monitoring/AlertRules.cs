namespace CallCenter.Monitoring;

/// <summary>
/// Alert thresholds: configuration section CallCenter:Alerts gives the defaults, an administrator's saved thresholds
/// (kept by the board) replace them. Zero switches a rule off.
/// </summary>
[GenerateSerializer]
[Alias("CallCenter.Monitoring.AlertRules")]
public sealed class AlertRules
{
    [Id(0)] public int NotReadyMaxSeconds { get; set; } = 900;
    [Id(1)] public int OnCallMaxSeconds { get; set; } = 1200;
    [Id(2)] public int WrapUpMaxSeconds { get; set; } = 120;
    [Id(3)] public bool RemotePhoneOffline { get; set; } = true;

    /// <summary>Raised when a queue's service level today is below this, once at least <see cref="ServiceLevelMinimumCalls"/> calls finished.</summary>
    [Id(4)] public double ServiceLevelTargetPercent { get; set; } = 80;
    [Id(5)] public int ServiceLevelMinimumCalls { get; set; } = 10;
    [Id(6)] public int LongestWaitMaxSeconds { get; set; } = 60;

    /// <summary>A condition must hold this long before its alert is raised (a blip of a second raises nothing).</summary>
    [Id(7)] public int HoldSeconds { get; set; } = 5;

    /// <summary>An open alert clears only after its condition has been gone this long.</summary>
    [Id(8)] public int ClearSeconds { get; set; } = 10;

    /// <summary>Hysteresis: an open service-level alert clears only once the level is this far above the target.</summary>
    [Id(9)] public double ServiceLevelClearMarginPercent { get; set; } = 2;
}
