namespace CallCenter.History.Seats;

/// <summary>One seat's day in one state (and NotReady reason, '' for none) with one agent: the sum of its spans.</summary>
public sealed class AgentDayRow
{
    public required string SeatId { get; set; }

    public required string Day { get; set; }

    public required string Agent { get; set; }

    public required string State { get; set; }

    public required string Reason { get; set; }

    public long Ticks { get; set; }

    public int Spans { get; set; }

    public int Missed { get; set; }
}
