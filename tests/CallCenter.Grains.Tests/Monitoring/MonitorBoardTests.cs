using Microsoft.Extensions.DependencyInjection;
using CallCenter.Grains.Tests.Infrastructure;
using Orleans.Core.Internal;

namespace CallCenter.Grains.Tests.Monitoring;

[Collection(ClusterCollection.Name)]
public sealed class MonitorBoardTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    private const string BoardKey = "0";

    private IMonitorBoard Board => fixture.Client.GetGrain<IMonitorBoard>(0);

    /// <summary>The notifier of that silo (a stateless worker is always reached on the caller's own silo).</summary>
    private static IMonitorNotifier Notifier(Orleans.TestingHost.InProcessSiloHandle silo) =>
        silo.SiloHost.Services.GetRequiredService<IGrainFactory>().GetGrain<IMonitorNotifier>(0);

    [Fact]
    public async Task Seat_and_queue_changes_reach_the_board_coalesced()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        // The seat and the queue report through the notifiers of their own silos, which flush on their own clocks: either may arrive first.
        var snapshot = await Eventually.Until(() => Board.Snapshot(),
            b => b.Seats.Any(t => t.SeatId == seat && t.State == SeatState.Ready) && b.Queues.Any(t => t.QueueId == q), "the seat Ready and its queue on the board");
        Assert.Contains(snapshot.Queues, t => t.QueueId == q);
        Assert.Equal([q], snapshot.Seats.Single(t => t.SeatId == seat).Queues);
    }

    [Fact]
    public async Task Changes_a_silo_notifier_holds_reach_the_board_when_the_notifier_is_deactivated()
    {
        var seat = await s.ReadySeat("s", false);
        await Eventually.Until(() => Board.Snapshot(), b => b.Seats.Any(t => t.SeatId == seat), "the seat on the board");
        var tile = MonitorTiles.Seat(await s.Seat(seat).Get()) with { State = SeatState.LoggedOut, Agent = null };
        var (first, waiting) = (tile with { SeatId = seat + "-first" }, tile with { SeatId = seat + "-waiting" });
        var notifier = Notifier(fixture.Cluster.Silos[0]);

        var board = FaultyWrites.Hold(BoardKey);
        await notifier.SeatChanged(first); // new to the board, which writes it down: that flush stays in flight
        await FaultyWrites.Held(BoardKey);
        await notifier.SeatChanged(waiting); // held in the notifier until the flush in flight is done
        await notifier.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        board.SetResult();

        await Eventually.Until(() => Board.Snapshot(), b => b.Seats.Any(t => t.SeatId == waiting.SeatId), "the change the notifier held, on the board");
    }

    [Fact]
    public async Task A_seat_change_after_its_silo_notifier_left_still_reaches_the_board()
    {
        var seat = await s.ReadySeat("s", false);
        await Eventually.Until(() => Board.Snapshot(), b => b.Seats.Any(t => t.SeatId == seat && t.State == SeatState.Ready), "the seat Ready on the board");
        foreach (var silo in fixture.Cluster.Silos)
        {
            // The seat leaves its tiles in its silo's inbox; with no notifier open there it must send them as a message.
            await Notifier(silo).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        }

        await s.Seat(seat).ChangeState(SeatState.NotReady, "meeting");

        await Eventually.Until(() => Board.Snapshot(), b => b.Seats.Any(t => t.SeatId == seat && t.State == SeatState.NotReady), "the seat NotReady on the board");
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

        var history = fixture.Store.GetRequiredService<IAlertHistory>();
        var past = await Eventually.Until(
            () => history.Search(s.Time.GetUtcNow().AddDays(-1), s.Time.GetUtcNow().AddDays(1), AlertKind.NotReadyTooLong, seat, 10),
            h => h.Count == 1 && h[0].ClearedAt is not null, "the alert in the history, cleared");
        Assert.Equal(("supervisor", "called the agent back from break"), (past[0].AcknowledgedBy, past[0].Note));
    }

    [Fact]
    public async Task Thresholds_an_administrator_saves_replace_the_configured_ones_from_the_next_evaluation()
    {
        var configured = await Board.GetRules();
        var seat = await s.ReadySeat("s", false);
        var key = AlertEvaluator.Key(AlertKind.NotReadyTooLong, seat);
        try
        {
            await Board.SetRules(new AlertRules { NotReadyMaxSeconds = 60, HoldSeconds = 0, ClearSeconds = 0 });
            await s.Seat(seat).ChangeState(SeatState.NotReady, NotReadyReasons.Meal);
            await Eventually.Until(() => Board.Snapshot(), b => b.Seats.Any(t => t.SeatId == seat && t.State == SeatState.NotReady), "NotReady on the board");
            s.Advance(61);
            await Eventually.Until(() => Board.Snapshot(), b => b.OpenAlerts.Any(a => a.Key == key), "the alert after 60 s");
            Assert.Equal(60, (await Board.GetRules()).NotReadyMaxSeconds);
        }
        finally
        {
            await Board.SetRules(configured);
            await s.Seat(seat).ChangeState(SeatState.Ready, null);
        }
    }
}
