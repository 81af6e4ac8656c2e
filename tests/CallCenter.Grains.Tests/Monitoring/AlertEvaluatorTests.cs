namespace CallCenter.Grains.Tests.Monitoring;

public sealed class AlertEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly AlertRules Rules = new();

    private static SeatTile Seat(SeatState state, double secondsAgo, string? reason = null, bool remote = false, bool phone = true) =>
        new("S1", "座席 1", "纳税服务科", remote, "agent1", state, reason, Now.AddSeconds(-secondsAgo), null, null, phone,
            new SeatCounters(DateOnly.FromDateTime(Now.Date), 0, 0, 0, new Dictionary<string, double>()), ["q"]);

    private static QueueTile Queue(int answered, int withinLevel, int abandoned, int waiting = 0, double longestWait = 0, double reportedSecondsAgo = 0) =>
        new("q", "发票业务", 20, new QueueStats("q", waiting, 0, 0, longestWait, answered + abandoned, answered, withinLevel, abandoned, 0,
            answered + abandoned == 0 ? null : Math.Round(100.0 * withinLevel / (answered + abandoned), 1), 0, []), Now.AddSeconds(-reportedSecondsAgo));

    private static AlertKind[] Kinds(SeatTile? seat = null, QueueTile? queue = null) =>
        AlertEvaluator.Holding(seat is null ? [] : [seat], queue is null ? [] : [queue], Rules, Now).Values.Select(v => v.Kind).ToArray();

    [Theory]
    [InlineData(SeatState.NotReady, 899, false)]
    [InlineData(SeatState.NotReady, 900, true)]
    [InlineData(SeatState.OnCall, 1300, true)]
    [InlineData(SeatState.WrapUp, 119, false)]
    [InlineData(SeatState.WrapUp, 121, true)]
    [InlineData(SeatState.Ready, 100_000, false)]
    public void Seats_in_a_state_longer_than_its_limit_raise_an_alert(SeatState state, double seconds, bool raised) =>
        Assert.Equal(raised, Kinds(Seat(state, seconds, NotReadyReasons.Break)).Length == 1);

    [Theory]
    [InlineData(SeatState.NotReady, 1000, AlertKind.NotReadyTooLong, "座席 1 (agent1) has been NotReady (break) for 17 min")]
    [InlineData(SeatState.OnCall, 1300, AlertKind.OnCallTooLong, "座席 1 (agent1) has been on one call for 22 min")]
    [InlineData(SeatState.WrapUp, 121, AlertKind.WrapUpTooLong, "座席 1 (agent1) has been in wrap-up for 2 min")]
    public void Each_state_raises_its_own_kind_with_its_own_words(SeatState state, double seconds, AlertKind kind, string message)
    {
        var alert = AlertEvaluator.Holding([Seat(state, seconds, NotReadyReasons.Break)], [], Rules, Now).Values.Single();
        Assert.Equal((kind, message, AlertEvaluator.Key(kind, "S1")), (alert.Kind, alert.Message, alert.Key));
        var offline = AlertEvaluator.Holding([Seat(SeatState.Ready, 10, remote: true, phone: false)], [], Rules, Now).Values.Single();
        Assert.Equal((AlertKind.RemotePhoneOffline, "座席 1 (agent1): the remote IP phone is offline"), (offline.Kind, offline.Message));
    }

    [Fact]
    public void A_remote_seat_with_its_phone_offline_raises_one_alert_not_two()
    {
        var kinds = Kinds(Seat(SeatState.NotReady, 5000, NotReadyReasons.PhoneOffline, remote: true, phone: false));
        Assert.Equal([AlertKind.RemotePhoneOffline], kinds);
    }

    [Fact]
    public void Service_level_below_target_waits_for_enough_calls()
    {
        Assert.Empty(Kinds(queue: Queue(answered: 5, withinLevel: 1, abandoned: 0)));
        Assert.Equal([AlertKind.ServiceLevelBelowTarget], Kinds(queue: Queue(answered: 10, withinLevel: 5, abandoned: 2)));
        Assert.Empty(Kinds(queue: Queue(answered: 10, withinLevel: 9, abandoned: 0)));
    }

    [Fact]
    public void An_open_service_level_alert_holds_until_the_level_is_a_margin_above_the_target()
    {
        var queue = Queue(answered: 100, withinLevel: 81, abandoned: 0); // 81 %, target 80 %, margin 2
        var key = AlertEvaluator.Key(AlertKind.ServiceLevelBelowTarget, "q");
        Assert.Empty(AlertEvaluator.Holding([], [queue], Rules, Now));
        Assert.Contains(key, AlertEvaluator.Holding([], [queue], Rules, Now, new HashSet<string> { key }).Keys);
        Assert.Empty(AlertEvaluator.Holding([], [Queue(answered: 100, withinLevel: 83, abandoned: 0)], Rules, Now, new HashSet<string> { key }));
    }

    [Fact]
    public void An_alert_carries_its_parts_so_pages_can_say_it_in_their_language()
    {
        var alert = AlertEvaluator.Holding([Seat(SeatState.NotReady, 1000, NotReadyReasons.Break)], [], Rules, Now).Values.Single();
        Assert.Equal(("座席 1", "agent1", NotReadyReasons.Break), (alert.Args!["seat"], alert.Args["agent"], alert.Args["reason"]));
        Assert.Equal(Now.AddSeconds(-1000), DateTimeOffset.Parse(alert.Args["since"], System.Globalization.CultureInfo.InvariantCulture));
        var queue = AlertEvaluator.Holding([], [Queue(answered: 10, withinLevel: 5, abandoned: 2)], Rules, Now).Values.Single();
        Assert.Equal(("发票业务", "41.7", "80"), (queue.Args!["queue"], queue.Args["level"], queue.Args["target"]));
    }

    [Fact]
    public void The_longest_wait_keeps_growing_after_the_queue_last_reported()
    {
        Assert.Empty(Kinds(queue: Queue(0, 0, 0, waiting: 1, longestWait: 30)));
        Assert.Equal([AlertKind.LongestWaitTooLong], Kinds(queue: Queue(0, 0, 0, waiting: 1, longestWait: 30, reportedSecondsAgo: 31)));
    }
}
