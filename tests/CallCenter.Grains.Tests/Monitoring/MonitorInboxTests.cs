namespace CallCenter.Grains.Tests.Monitoring;

public sealed class MonitorInboxTests
{
    private static readonly SeatTile Seat = new(
        "s1", "坐席1", "纳税服务科", false, "agent1", SeatState.Ready, null, DateTimeOffset.UnixEpoch, null, null, false,
        new SeatCounters(new DateOnly(2026, 11, 30), 0, 0, 0, new Dictionary<string, double>()), ["q"]);

    [Fact]
    public void Tiles_are_refused_until_a_notifier_opens_it_and_again_once_it_closes()
    {
        var inbox = new MonitorInbox();
        Assert.False(inbox.Leave(Seat));
        Assert.True(inbox.Take().IsEmpty);

        inbox.Open();
        Assert.True(inbox.Leave(Seat));
        var handedOver = inbox.Close();

        Assert.Equal([Seat], handedOver.Seats.Values);
        Assert.False(inbox.Leave(Seat with { State = SeatState.NotReady }));
        Assert.True(inbox.Take().IsEmpty);
    }

    [Fact]
    public void Only_the_newest_tile_of_a_seat_is_kept_and_a_failed_flush_never_puts_back_over_a_newer_one()
    {
        var inbox = new MonitorInbox();
        inbox.Open();
        inbox.Leave(Seat);
        inbox.Leave(Seat with { State = SeatState.OnCall });
        var flushed = inbox.Take();
        Assert.Equal(SeatState.OnCall, Assert.Single(flushed.Seats.Values).State);

        inbox.Leave(Seat with { State = SeatState.WrapUp });
        inbox.PutBack(flushed);

        Assert.Equal(SeatState.WrapUp, Assert.Single(inbox.Take().Seats.Values).State);
    }
}
