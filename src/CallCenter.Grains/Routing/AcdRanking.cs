namespace CallCenter.Routing;

/// <summary>The ACD's choices, free of grains so every rule can be tested directly.</summary>
public static class AcdRanking
{
    /// <summary>Calls to offer next: higher priority first, first come first served within a priority.</summary>
    public static IEnumerable<QueueEntry> CallsInOrder(IEnumerable<QueueEntry> entries) =>
        entries.Where(e => e.OfferedTo is null && e.HandingTo is null).OrderByDescending(e => e.Priority).ThenBy(e => e.Sequence);

    /// <summary>Seats to try for a call: highest skill level first, then by the queue's strategy.</summary>
    public static IReadOnlyList<QueueSeat> SeatsInOrder(IEnumerable<QueueSeat> seats, RoutingStrategy strategy, string? lastRoundRobinSeat)
    {
        var available = seats.Where(s => s.Available && s.Level > 0).ToList();
        return strategy switch
        {
            RoutingStrategy.LongestIdle => available
                .OrderByDescending(s => s.Level).ThenBy(s => s.IdleSince).ThenBy(s => s.SeatId, StringComparer.Ordinal).ToList(),
            RoutingStrategy.FewestCalls => available
                .OrderByDescending(s => s.Level).ThenBy(s => s.CallsToday).ThenBy(s => s.IdleSince).ThenBy(s => s.SeatId, StringComparer.Ordinal).ToList(),
            RoutingStrategy.RoundRobin => available
                .OrderByDescending(s => s.Level).ThenBy(s => RoundRobinTurn(s.SeatId, lastRoundRobinSeat)).ThenBy(s => s.SeatId, StringComparer.Ordinal).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
        };
    }

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
