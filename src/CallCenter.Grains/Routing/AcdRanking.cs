namespace CallCenter.Routing;

/// <summary>The ACD's choices, free of grains so every rule can be tested directly.</summary>
public static class AcdRanking
{
    /// <summary>
    /// Calls to offer next: higher priority first, first come first served within a priority; only the first
    /// <paramref name="take"/> of them (a few in one pass, more sorted). The queue keeps its waiting calls in this order
    /// as they change (<see cref="QueueEntries"/>); this ranks a list of them whole.
    /// </summary>
    public static IReadOnlyList<QueueEntry> CallsInOrder(IEnumerable<QueueEntry> entries, int take = int.MaxValue) =>
        First(entries, AwaitsSeat, CallOrder.Compare, take);

    /// <summary>The order calls are offered in; it ends on the call id, so it is total (a queue numbers its calls uniquely anyway).</summary>
    public static readonly IComparer<QueueEntry> CallOrder = Comparer<QueueEntry>.Create((a, b) =>
        Then(Then(b.Priority.CompareTo(a.Priority), a.Sequence.CompareTo(b.Sequence)), string.CompareOrdinal(a.CallId, b.CallId)));

    /// <summary>A call neither ringing at a seat nor being handed to another queue: the next free seat may take it.</summary>
    public static bool AwaitsSeat(QueueEntry entry) => entry.OfferedTo is null && entry.HandingTo is null;

    /// <summary>
    /// Seats to try for a call: highest skill level first, then by the queue's strategy; only the first
    /// <paramref name="take"/> of them. Every order ends on the seat id, so it is total and the first few come from one
    /// pass over the seats without sorting them all (a dispatch usually has one call to place among hundreds of seats).
    /// </summary>
    public static IReadOnlyList<QueueSeat> SeatsInOrder(IEnumerable<QueueSeat> seats, RoutingStrategy strategy, string? lastRoundRobinSeat, int take = int.MaxValue)
    {
        Comparison<QueueSeat> order = strategy switch
        {
            RoutingStrategy.LongestIdle => (a, b) => Then(b.Level.CompareTo(a.Level), a.IdleSince.CompareTo(b.IdleSince), a, b),
            RoutingStrategy.FewestCalls => (a, b) => Then(b.Level.CompareTo(a.Level), Then(a.CallsToday.CompareTo(b.CallsToday), a.IdleSince.CompareTo(b.IdleSince)), a, b),
            RoutingStrategy.RoundRobin => (a, b) =>
                Then(b.Level.CompareTo(a.Level), RoundRobinTurn(a.SeatId, lastRoundRobinSeat).CompareTo(RoundRobinTurn(b.SeatId, lastRoundRobinSeat)), a, b),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
        };
        return First(seats, s => s.Available && s.Level > 0, order, take);
    }

    /// <summary>Up to this many are picked in one pass; more are sorted.</summary>
    private const int Few = 16;

    /// <summary>The first <paramref name="take"/> of the eligible items in <paramref name="order"/>.</summary>
    private static IReadOnlyList<T> First<T>(IEnumerable<T> items, Func<T, bool> eligible, Comparison<T> order, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        if (take > Few)
        {
            return [.. items.Where(eligible).Order(Comparer<T>.Create(order)).Take(take)];
        }

        var best = new List<T>(take + 1);
        foreach (var item in items)
        {
            if (!eligible(item) || (best.Count == take && order(item, best[^1]) >= 0))
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && order(item, best[at - 1]) < 0)
            {
                at--;
            }

            best.Insert(at, item);
            if (best.Count > take)
            {
                best.RemoveAt(take);
            }
        }

        return best;
    }

    private static int Then(int first, int second) => first != 0 ? first : second;

    private static int Then(int first, int second, QueueSeat a, QueueSeat b) =>
        first != 0 ? first : second != 0 ? second : string.CompareOrdinal(a.SeatId, b.SeatId);

    /// <summary>Seats after the last one served come first, in seat-id order, then the rest wrap around.</summary>
    private static int RoundRobinTurn(string seatId, string? last) =>
        last is null || string.CompareOrdinal(seatId, last) > 0 ? 0 : 1;

    /// <summary>Hides the middle third or more of a number (138****5678): supervisors never see whole caller numbers.</summary>
    public static string MaskCaller(string caller)
    {
        var hidden = Math.Max(caller.Length - 7, (caller.Length + 2) / 3);
        var visible = caller.Length - hidden;
        var first = Math.Min(3, visible / 2);
        return string.Concat(caller.AsSpan(0, first), new string('*', hidden), caller.AsSpan(first + hidden));
    }
}
