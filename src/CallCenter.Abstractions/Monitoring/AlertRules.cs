namespace CallCenter.Monitoring;

/// <summary>Alert thresholds (configuration section CallCenter:Alerts). Zero switches a rule off.</summary>
public sealed class AlertRules
{
    public int NotReadyMaxSeconds { get; set; } = 900;
    public int OnCallMaxSeconds { get; set; } = 1200;
    public int WrapUpMaxSeconds { get; set; } = 120;
    public bool RemotePhoneOffline { get; set; } = true;

    /// <summary>Raised when a queue's service level today is below this, once at least <see cref="ServiceLevelMinimumCalls"/> calls finished.</summary>
    public double ServiceLevelTargetPercent { get; set; } = 80;
    public int ServiceLevelMinimumCalls { get; set; } = 10;
    public int LongestWaitMaxSeconds { get; set; } = 60;

    /// <summary>A condition must hold this long before its alert is raised (a blip of a second raises nothing).</summary>
    public int HoldSeconds { get; set; } = 5;

    /// <summary>An open alert clears only after its condition has been gone this long.</summary>
    public int ClearSeconds { get; set; } = 10;

    /// <summary>Hysteresis: an open service-level alert clears only once the level is this far above the target.</summary>
    public double ServiceLevelClearMarginPercent { get; set; } = 2;
}
