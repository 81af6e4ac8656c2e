using CallCenter.Calls;
using CallCenter.Seats;

namespace CallCenter.LoadTests;

/// <summary>
/// Plausible history for tests and benchmarks: <c>days</c> × <c>seats</c> × <c>callsPerSeat</c> finished calls in
/// office hours, over five queues (one in twenty overflowed), 92 % answered, 6 % abandoned, 2 % callbacks, written
/// through the store's own writer. Seeded: the same arguments give the same history.
/// </summary>
public static class HistoryGenerator
{
    private static readonly string[] Queues = ["vat", "iit", "cit", "invoice", "social"];

    public static IEnumerable<CallDetail> Calls(DateOnly firstDay, int days, int seats, int callsPerSeat, int seed = 12366)
    {
        var random = new Random(seed);
        var zone = TimeSpan.FromHours(8);
        for (var d = 0; d < days; d++)
        {
            var day = firstDay.AddDays(d);
            for (var s = 0; s < seats; s++)
            {
                for (var c = 0; c < callsPerSeat; c++)
                {
                    var entered = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 30)), zone).AddSeconds(random.Next(0, 8 * 3600));
                    var queue = Queues[random.Next(Queues.Length)];
                    var overflowed = random.Next(20) == 0;
                    var roll = random.Next(100);
                    var outcome = roll < 92 ? CallOutcome.Answered : roll < 98 ? CallOutcome.Abandoned : CallOutcome.Callback;
                    var wait = Math.Round(random.NextDouble() * (overflowed ? 120 : 40), 1);
                    var id = $"h{day:yyyyMMdd}-{s:D4}-{c:D3}";
                    var caller = $"13{random.Next(100_000_000, 999_999_999)}";
                    IReadOnlyList<string> path = overflowed ? [queue, "general"] : [queue];
                    if (outcome != CallOutcome.Answered)
                    {
                        yield return new CallDetail(id, caller, path[^1], path, null, null, entered, null, null, entered.AddSeconds(wait),
                            wait, 0, 0, 0, outcome, random.Next(2), false, day);
                        continue;
                    }

                    var talk = Math.Round(60 + random.NextDouble() * 540, 1);
                    var hold = random.Next(5) == 0 ? Math.Round(random.NextDouble() * 60, 1) : 0;
                    var answered = entered.AddSeconds(wait);
                    yield return new CallDetail(id, caller, path[^1], path, $"S{s:D4}", $"agent-{s:D4}", entered, answered.AddSeconds(-3), answered,
                        answered.AddSeconds(talk + hold + 30), wait, talk, hold, 30, outcome, random.Next(10) == 0 ? 1 : 0, random.Next(10) != 0, day);
                }
            }
        }
    }

    /// <summary>
    /// Each seat's working day as activity spans: logged in at 08:30 NotReady for a minute, then cycles of Ready,
    /// Reserved (one offer in twenty missed), On call and Wrap-up, a break of 15 minutes every two hours, until 17:30.
    /// </summary>
    public static IEnumerable<SeatSpan> Spans(DateOnly firstDay, int days, int seats, int seed = 12366)
    {
        var random = new Random(seed);
        var zone = TimeSpan.FromHours(8);
        for (var d = 0; d < days; d++)
        {
            var day = firstDay.AddDays(d);
            var close = new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 30)), zone);
            for (var s = 0; s < seats; s++)
            {
                var (seat, agent) = ($"S{s:D4}", $"agent-{s:D4}");
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 30)), zone);
                SeatSpan Next(SeatState state, string? reason, double seconds, bool missed = false)
                {
                    var span = new SeatSpan(seat, agent, state, reason, day, at, at.AddSeconds(seconds), missed);
                    at = span.To;
                    return span;
                }

                yield return Next(SeatState.NotReady, null, 60);
                var nextBreak = at.AddHours(2);
                while (at < close)
                {
                    yield return Next(SeatState.Ready, null, 10 + random.Next(110));
                    if (random.Next(20) == 0)
                    {
                        yield return Next(SeatState.Reserved, null, 20, missed: true);
                        continue;
                    }

                    yield return Next(SeatState.Reserved, null, 2 + random.Next(6));
                    yield return Next(SeatState.OnCall, null, 60 + random.Next(540));
                    yield return Next(SeatState.WrapUp, null, 30);
                    if (at >= nextBreak)
                    {
                        yield return Next(SeatState.NotReady, "break", 900);
                        nextBreak = at.AddHours(2);
                    }
                }
            }
        }
    }
}
