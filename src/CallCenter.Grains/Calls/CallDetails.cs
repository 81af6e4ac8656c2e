namespace CallCenter.Calls;

/// <summary>A finished call's record, read off its timeline.</summary>
public static class CallDetails
{
    public static CallDetail From(CallSnapshot call, CallCenterClock clock)
    {
        var timeline = call.Timeline;
        var entered = timeline[0].At;
        var ended = timeline[^1].At;
        var answered = timeline.FirstOrDefault(t => t.State == CallState.Connected)?.At;
        var hungUp = timeline.FirstOrDefault(t => t.State == CallState.WrapUp)?.At;
        var hold = timeline.Select((t, i) => (t, i))
            .Where(x => x.t.State == CallState.Held && x.i + 1 < timeline.Count)
            .Sum(x => (timeline[x.i + 1].At - x.t.At).TotalSeconds);
        var offers = timeline.Count(t => t.State == CallState.Offered);
        var queues = timeline.Select(t => t.Queue).OfType<string>().Distinct().ToList();
        var outcome = call.State == CallState.Ended ? CallOutcome.Answered : call.Callback ? CallOutcome.Callback : CallOutcome.Abandoned;
        return new CallDetail(
            call.CallId, call.Caller, call.Queue, queues, answered is null ? null : call.SeatId, call.Agent,
            entered, timeline.FirstOrDefault(t => t.State == CallState.Offered)?.At, answered, ended,
            Seconds((answered ?? ended) - entered),
            answered is { } start ? Math.Max(0, Seconds((hungUp ?? ended) - start) - Round(hold)) : 0,
            Round(hold),
            hungUp is { } end ? Seconds(ended - end) : 0,
            outcome,
            offers - (answered is null ? 0 : 1),
            call.Recording is not null,
            clock.DayOf(entered));
    }

    private static double Seconds(TimeSpan span) => Round(Math.Max(0, span.TotalSeconds));

    private static double Round(double seconds) => Math.Round(seconds, 1);
}
