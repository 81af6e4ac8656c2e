namespace CallCenter.Seats;

/// <summary>Reason codes the platform itself sets; administrators may add more in configuration.</summary>
public static class NotReadyReasons
{
    public const string Break = "break";
    public const string Meal = "meal";
    public const string Training = "training";
    public const string Meeting = "meeting";
    public const string Missed = "missed";
    public const string PhoneOffline = "phone-offline";
    public const string Forced = "forced";

    public static readonly IReadOnlyList<string> Defaults = [Break, Meal, Training, Meeting, Missed, PhoneOffline, Forced];
}
