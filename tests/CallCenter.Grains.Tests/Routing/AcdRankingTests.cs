namespace CallCenter.Grains.Tests.Routing;

public sealed class AcdRankingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static QueueSeat Seat(string id, int level, int idleMinutesAgo = 0, int calls = 0, bool available = true) =>
        new() { SeatId = id, Level = level, Available = available, IdleSince = T0.AddMinutes(-idleMinutesAgo), CallsToday = calls };

    private static QueueEntry Entry(string id, int priority, long sequence) =>
        new() { CallId = id, Caller = "1", Priority = priority, Sequence = sequence, EnteredAt = T0 };

    [Fact]
    public void Higher_priority_first_then_first_come_first_served()
    {
        var order = AcdRanking.CallsInOrder([Entry("a", 0, 1), Entry("b", 5, 3), Entry("c", 0, 0), Entry("d", 5, 2)]).Select(e => e.CallId);
        Assert.Equal(["d", "b", "c", "a"], order);
    }

    [Fact]
    public void Calls_already_ringing_are_not_offered_again()
    {
        var ringing = Entry("a", 9, 0);
        ringing.OfferedTo = "S1";
        Assert.Equal(["b"], AcdRanking.CallsInOrder([ringing, Entry("b", 0, 1)]).Select(e => e.CallId));
    }

    [Fact]
    public void The_first_few_calls_picked_in_one_pass_are_the_first_of_the_whole_order()
    {
        // Few priorities, so first come first served decides often; some calls ringing, some being handed over, and
        // some sequences shared, so the call id decides.
        var random = new Random(23);
        var entries = Enumerable.Range(0, 2_000).Select(i =>
        {
            var entry = Entry($"C{i}", random.Next(0, 3), random.Next(0, 1_500));
            entry.OfferedTo = random.Next(6) == 0 ? "S1" : null;
            entry.HandingTo = random.Next(20) == 0 ? "q2" : null;
            return entry;
        }).ToList();
        var whole = entries.Where(AcdRanking.AwaitsSeat).OrderByDescending(e => e.Priority).ThenBy(e => e.Sequence).ThenBy(e => e.CallId, StringComparer.Ordinal)
            .Select(e => e.CallId).ToList();
        Assert.True(whole.Count > 1_000);
        Assert.Equal(whole, AcdRanking.CallsInOrder(entries).Select(e => e.CallId));
        foreach (var take in new[] { 1, 2, 3, 7, 16, 17, 50, 5_000 })
        {
            Assert.Equal(whole.Take(take), AcdRanking.CallsInOrder(entries, take).Select(e => e.CallId));
        }

        Assert.Empty(AcdRanking.CallsInOrder(entries, 0));
    }

    [Theory]
    [InlineData(RoutingStrategy.LongestIdle)]
    [InlineData(RoutingStrategy.FewestCalls)]
    [InlineData(RoutingStrategy.RoundRobin)]
    public void Every_strategy_offers_the_highest_skill_level_first(RoutingStrategy strategy)
    {
        var seats = AcdRanking.SeatsInOrder([Seat("a", 2, idleMinutesAgo: 60), Seat("b", 5), Seat("c", 3, calls: 0)], strategy, null);
        Assert.Equal(["b", "c", "a"], seats.Select(s => s.SeatId));
    }

    [Fact]
    public void Longest_idle_prefers_the_seat_idle_longest()
    {
        var seats = AcdRanking.SeatsInOrder([Seat("a", 3, 1), Seat("b", 3, 10), Seat("c", 3, 5)], RoutingStrategy.LongestIdle, null);
        Assert.Equal(["b", "c", "a"], seats.Select(s => s.SeatId));
    }

    [Fact]
    public void Fewest_calls_prefers_the_seat_with_fewest_calls_today()
    {
        var seats = AcdRanking.SeatsInOrder([Seat("a", 3, 10, calls: 7), Seat("b", 3, 1, calls: 2), Seat("c", 3, 5, calls: 2)], RoutingStrategy.FewestCalls, null);
        Assert.Equal(["c", "b", "a"], seats.Select(s => s.SeatId));
    }

    [Fact]
    public void Round_robin_continues_after_the_last_seat_served_and_wraps()
    {
        var pool = new[] { Seat("a", 3), Seat("b", 3), Seat("c", 3) };
        Assert.Equal(["c", "a", "b"], AcdRanking.SeatsInOrder(pool, RoutingStrategy.RoundRobin, "b").Select(s => s.SeatId));
        Assert.Equal(["a", "b", "c"], AcdRanking.SeatsInOrder(pool, RoutingStrategy.RoundRobin, "c").Select(s => s.SeatId));
    }

    [Theory]
    [InlineData(RoutingStrategy.LongestIdle)]
    [InlineData(RoutingStrategy.FewestCalls)]
    [InlineData(RoutingStrategy.RoundRobin)]
    public void The_first_few_seats_picked_in_one_pass_are_the_first_of_the_whole_order(RoutingStrategy strategy)
    {
        // Many ties on level, idle time and calls, so the seat id decides often; some seats busy or without the skill.
        var random = new Random(17);
        var seats = Enumerable.Range(0, 300)
            .Select(i => Seat($"S{random.Next(1000):000}-{i}", random.Next(0, 4), random.Next(0, 5), random.Next(0, 3), available: random.Next(5) > 0))
            .ToList();
        var whole = AcdRanking.SeatsInOrder(seats, strategy, "S500").Select(s => s.SeatId).ToList();
        Assert.True(whole.Count > 100);
        foreach (var take in new[] { 1, 2, 3, 7, 16, 17, 50, 1000 })
        {
            Assert.Equal(whole.Take(take), AcdRanking.SeatsInOrder(seats, strategy, "S500", take).Select(s => s.SeatId));
        }

        Assert.Empty(AcdRanking.SeatsInOrder(seats, strategy, "S500", 0));
    }

    [Fact]
    public void Unavailable_seats_are_never_candidates()
    {
        var seats = AcdRanking.SeatsInOrder([Seat("a", 5, available: false), Seat("b", 1)], RoutingStrategy.LongestIdle, null);
        Assert.Equal(["b"], seats.Select(s => s.SeatId));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("12366", "1**66")]
    [InlineData("123", "1*3")]
    public void Caller_numbers_are_masked_on_the_abandoned_list(string caller, string masked) =>
        Assert.Equal(masked, AcdRanking.MaskCaller(caller));
}
