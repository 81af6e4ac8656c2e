namespace CallCenter.Grains.Tests.Calls;

/// <summary>A finished call's record, hand-computed from its timeline.</summary>
public sealed class CallDetailsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 23, 59, 0, TimeSpan.FromHours(8));
    private static readonly CallCenterClock Clock = new(TimeProvider.System, CallCenterClock.FindZone("Asia/Shanghai"));

    [Fact]
    public void An_overflowed_call_missed_once_answered_held_and_wrapped_up_across_midnight()
    {
        var call = Call(CallState.Ended,
            (CallState.Queued, 0, "main", null),
            (CallState.Overflowed, 20, "main", null),
            (CallState.Queued, 20, "backup", null),
            (CallState.Offered, 22, "backup", "S1"),
            (CallState.Queued, 32, "backup", null),
            (CallState.Offered, 33, "backup", "S2"),
            (CallState.Connected, 35, "backup", "S2"),
            (CallState.Held, 95, "backup", "S2"),
            (CallState.Connected, 105, "backup", "S2"),
            (CallState.WrapUp, 155, "backup", "S2"),
            (CallState.Ended, 185, "backup", "S2"));

        var detail = CallDetails.From(call, Clock);
        Assert.Equal(["main", "backup"], detail.Queues);
        Assert.Equal(("backup", "S2", CallOutcome.Answered, 1), (detail.Queue, detail.SeatId, detail.Outcome, detail.MissedOffers));
        Assert.Equal((35.0, 110.0, 10.0, 30.0), (detail.WaitSeconds, detail.TalkSeconds, detail.HoldSeconds, detail.WrapUpSeconds));
        Assert.Equal((T0, T0.AddSeconds(22), T0.AddSeconds(35), T0.AddSeconds(185)), (detail.EnteredAt, detail.OfferedAt, detail.AnsweredAt, detail.EndedAt));
        Assert.Equal(new DateOnly(2026, 11, 27), detail.Day);
    }

    [Fact]
    public void An_abandoned_call_counts_its_wait_until_the_caller_hung_up_and_its_unanswered_offer_as_missed()
    {
        var detail = CallDetails.From(Call(CallState.Abandoned,
            (CallState.Queued, 0, "main", null), (CallState.Offered, 4, "main", "S1"), (CallState.Abandoned, 9.5, "main", null)), Clock);
        Assert.Equal((CallOutcome.Abandoned, 9.5, 0.0, 1, (string?)null, (DateTimeOffset?)null), (detail.Outcome, detail.WaitSeconds, detail.TalkSeconds, detail.MissedOffers, detail.SeatId, detail.AnsweredAt));
    }

    private static CallSnapshot Call(CallState state, params (CallState State, double Second, string Queue, string? Seat)[] timeline) =>
        new("c1", "13812345678", state, timeline[^1].Queue, 0, timeline[^1].Seat, false, null,
            timeline.Select(t => new CallTimelineEntry(t.State, T0.AddSeconds(t.Second), t.Queue, t.Seat, null)).ToArray(), "agent2");
}
