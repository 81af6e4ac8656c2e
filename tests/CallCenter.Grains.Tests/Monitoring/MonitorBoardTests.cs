using CallCenter.Grains.Tests.Infrastructure;

namespace CallCenter.Grains.Tests.Monitoring;

[Collection(ClusterCollection.Name)]
public sealed class MonitorBoardTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    private IMonitorBoard Board => fixture.Client.GetGrain<IMonitorBoard>(0);

    [Fact]
    public async Task Seat_and_queue_changes_reach_the_board_coalesced()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var snapshot = await Eventually.Until(() => Board.Snapshot(), b => b.Seats.Any(t => t.SeatId == seat && t.State == SeatState.Ready), "the seat Ready on the board");
        Assert.Contains(snapshot.Queues, t => t.QueueId == q);
        Assert.Equal([q], snapshot.Seats.Single(t => t.SeatId == seat).Queues);
    }

    [Fact]
    public async Task A_seat_not_ready_too_long_raises_an_alert_that_is_acknowledged_and_clears_when_it_returns()
    {
        var seat = await s.ReadySeat("s", false);
        await s.Seat(seat).ChangeState(SeatState.NotReady, NotReadyReasons.Break);
        var key = AlertEvaluator.Key(AlertKind.NotReadyTooLong, seat);
        await Eventually.Until(() => Board.Snapshot(), b => b.Seats.Any(t => t.SeatId == seat && t.State == SeatState.NotReady), "NotReady on the board");
        s.Advance(901);
        var raised = await Eventually.Until(() => Board.Snapshot(), b => b.OpenAlerts.Any(a => a.Key == key), "the alert");
        Assert.Equal((AlertKind.NotReadyTooLong, seat), (raised.OpenAlerts.Single(a => a.Key == key).Kind, raised.OpenAlerts.Single(a => a.Key == key).Subject));

        var acknowledged = await Board.Acknowledge(key, "supervisor", "called the agent back from break");
        Assert.Equal(("supervisor", "called the agent back from break"), (acknowledged.AcknowledgedBy, acknowledged.Note));
        await Assert.ThrowsAsync<NotConfiguredException>(() => Board.Acknowledge("NotReadyTooLong:nobody", "supervisor", null));

        await s.Seat(seat).ChangeState(SeatState.Ready, null);
        await Eventually.Until(() => Board.Snapshot(), b => b.OpenAlerts.All(a => a.Key != key), "the alert to clear");
    }
}
