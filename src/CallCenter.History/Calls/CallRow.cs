using CallCenter.Calls;

namespace CallCenter.History.Calls;

/// <summary>One finished call's record as stored. Moments are UTC ticks: exact on every database and ordered as numbers.</summary>
public sealed class CallRow
{
    public required string CallId { get; set; }

    public required string Caller { get; set; }

    public required string Queue { get; set; }

    /// <summary>Every queue the call passed through, in order, separated by commas.</summary>
    public required string Queues { get; set; }

    public string? SeatId { get; set; }

    public string? Agent { get; set; }

    public long EnteredUtcTicks { get; set; }

    public long? OfferedUtcTicks { get; set; }

    public long? AnsweredUtcTicks { get; set; }

    public long EndedUtcTicks { get; set; }

    public double WaitSeconds { get; set; }

    public double TalkSeconds { get; set; }

    public double HoldSeconds { get; set; }

    public double WrapUpSeconds { get; set; }

    public required string Outcome { get; set; }

    public int MissedOffers { get; set; }

    public bool HasRecording { get; set; }

    /// <summary>The centre's local day the call entered on, yyyy-MM-dd.</summary>
    public string Day { get; set; } = "";

    public void Fill(CallDetail call)
    {
        (Caller, Queue, Queues, SeatId, Agent) = (call.Caller, call.Queue, string.Join(',', call.Queues), call.SeatId, call.Agent);
        (EnteredUtcTicks, OfferedUtcTicks, AnsweredUtcTicks, EndedUtcTicks) = (call.EnteredAt.UtcTicks, call.OfferedAt?.UtcTicks, call.AnsweredAt?.UtcTicks, call.EndedAt.UtcTicks);
        (WaitSeconds, TalkSeconds, HoldSeconds, WrapUpSeconds) = (call.WaitSeconds, call.TalkSeconds, call.HoldSeconds, call.WrapUpSeconds);
        (Outcome, MissedOffers, HasRecording) = (call.Outcome.ToString(), call.MissedOffers, call.HasRecording);
        Day = Seats.SpanRow.DayKey(call.Day);
    }

    public CallDetail ToDetail() => new(
        CallId, Caller, Queue, Queues.Split(',', StringSplitOptions.RemoveEmptyEntries), SeatId, Agent,
        Utc(EnteredUtcTicks), OfferedUtcTicks is { } offered ? Utc(offered) : null, AnsweredUtcTicks is { } answered ? Utc(answered) : null,
        Utc(EndedUtcTicks), WaitSeconds, TalkSeconds, HoldSeconds, WrapUpSeconds, Enum.Parse<CallOutcome>(Outcome), MissedOffers, HasRecording,
        Day.Length == 10 ? DateOnly.ParseExact(Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DateOnly.FromDateTime(Utc(EnteredUtcTicks).UtcDateTime));

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
