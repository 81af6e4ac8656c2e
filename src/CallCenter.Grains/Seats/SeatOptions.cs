namespace CallCenter.Seats;

public sealed class SeatOptions
{
    /// <summary>After-call work ends by itself after this many seconds.</summary>
    public int WrapUpSeconds { get; set; } = 30;

    /// <summary>This many unanswered offers in a row put the seat NotReady with reason "missed".</summary>
    public int MissedOffersLimit { get; set; } = 2;

    /// <summary>Reason codes an agent may pick; the platform's own codes are always accepted.</summary>
    public List<string> NotReadyReasons { get; set; } = [.. CallCenter.Seats.NotReadyReasons.Defaults];
}
