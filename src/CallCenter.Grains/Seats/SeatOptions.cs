namespace CallCenter.Seats;

public sealed class SeatOptions
{
    /// <summary>After-call work ends by itself after this many seconds.</summary>
    public int WrapUpSeconds { get; set; } = 30;

    /// <summary>This many unanswered offers in a row put the seat NotReady with reason "missed".</summary>
    public int MissedOffersLimit { get; set; } = 2;

    /// <summary>
    /// A seat reserved for or on a call this long compares itself with the call, and again as often: a lost notice
    /// between them is repaired (<c>CallCenter__Seats__CallCheckSeconds</c>).
    /// </summary>
    public int CallCheckSeconds { get; set; } = 15;

    /// <summary>Reason codes an agent may pick; the platform's own codes are always accepted.</summary>
    public List<string> NotReadyReasons { get; set; } = [.. CallCenter.Seats.NotReadyReasons.Defaults];
}
