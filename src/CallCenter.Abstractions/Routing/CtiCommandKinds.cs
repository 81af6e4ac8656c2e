namespace CallCenter.Routing;

public static class CtiCommandKinds
{
    public const string Offer = "offer";
    public const string CancelOffer = "cancel-offer";
    public const string StopMonitoring = "stop-monitoring";

    public static string Monitoring(CallCenter.Seats.MonitorMode mode) =>
        mode == CallCenter.Seats.MonitorMode.None ? StopMonitoring : mode.ToString().ToLowerInvariant();
}
