using System.Text.Json;
using System.Text.Json.Serialization;
using CallCenter.Monitoring;
using CallCenter.Seats;

namespace CallCenter.Host.Tests;

public sealed class WallDeltasTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly MonitorScope Department = new("稽查局", null);

    private static SeatTile Seat(string id, SeatState state, string department = "纳税服务科", double talk = 0) => new(
        id, "座席 " + id, department, false, "agent-" + id, state, null, new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), null, null, true,
        new SeatCounters(new DateOnly(2026, 11, 28), 3, talk, 0, new Dictionary<string, double>()), ["vat"]);

    private static MonitorBatch Batch(long version, params SeatTile[] seats) => new("e1", version, seats, [], []);

    private static List<Dictionary<string, object?>> Seats(Dictionary<string, object?> batch) => (List<Dictionary<string, object?>>)batch["seats"]!;

    [Fact]
    public void A_seat_goes_whole_the_first_time_then_only_with_what_changed_and_not_at_all_when_nothing_shown_changed()
    {
        var deltas = new WallDeltas(Json);
        var first = Assert.Single(Seats(deltas.Next(Batch(1, Seat("s1", SeatState.NotReady)), [MonitorScope.Everything]).Single().Batch));
        Assert.Equal(["seatId", "name", "department", "remote", "agent", "state", "reason", "since", "callId", "callQueue", "phoneRegistered", "today", "queues", "monitoring", "monitoredBy"], first.Keys);

        var change = Assert.Single(Seats(deltas.Next(Batch(2, Seat("s1", SeatState.Ready)), [MonitorScope.Everything]).Single().Batch));
        Assert.Equal(new Dictionary<string, object?> { ["seatId"] = "s1", ["state"] = "Ready" }, change);

        // Talk seconds move by less than the wall shows (one decimal): nothing to send, but the version still goes out.
        var (_, quiet) = deltas.Next(Batch(3, Seat("s1", SeatState.Ready, talk: 0.04)), [MonitorScope.Everything]).Single();
        Assert.Equal(3L, quiet["version"]);
        Assert.Empty(Seats(quiet));

        var counters = Assert.Single(Seats(deltas.Next(Batch(4, Seat("s1", SeatState.Ready, talk: 12.345)), [MonitorScope.Everything]).Single().Batch));
        Assert.Equal(12.3, ((Dictionary<string, object?>)counters["today"]!)["talkSeconds"]);
    }

    [Fact]
    public void After_a_missing_version_or_a_new_epoch_every_seat_goes_whole_again()
    {
        var deltas = new WallDeltas(Json);
        deltas.Next(Batch(1, Seat("s1", SeatState.NotReady)), [MonitorScope.Everything]).ToList();
        var afterGap = Assert.Single(Seats(deltas.Next(Batch(3, Seat("s1", SeatState.Ready)), [MonitorScope.Everything]).Single().Batch));
        Assert.Contains("name", afterGap.Keys);

        var newEpoch = Assert.Single(Seats(deltas.Next(new MonitorBatch("e2", 4, [Seat("s1", SeatState.NotReady)], [], []), [MonitorScope.Everything]).Single().Batch));
        Assert.Contains("name", newEpoch.Keys);
    }

    [Fact]
    public void A_seat_that_leaves_a_scope_and_comes_back_comes_back_whole_and_a_new_scope_starts_whole()
    {
        var deltas = new WallDeltas(Json);
        deltas.Next(Batch(1, Seat("s1", SeatState.NotReady, "稽查局")), [Department]).ToList();
        Assert.Empty(Seats(deltas.Next(Batch(2, Seat("s1", SeatState.NotReady, "纳税服务科")), [Department]).Single().Batch));
        var back = Assert.Single(Seats(deltas.Next(Batch(3, Seat("s1", SeatState.NotReady, "稽查局")), [Department]).Single().Batch));
        Assert.Contains("name", back.Keys);

        var both = deltas.Next(Batch(4, Seat("s1", SeatState.Ready, "稽查局")), [Department, MonitorScope.Everything]).ToDictionary(x => x.Scope, x => Assert.Single(Seats(x.Batch)));
        Assert.DoesNotContain("name", both[Department].Keys);
        Assert.Contains("name", both[MonitorScope.Everything].Keys);
    }

    [Fact]
    public void With_nobody_watching_no_tile_is_put_in_wire_form_and_the_first_scope_to_come_starts_whole()
    {
        var states = new CountingStates();
        var deltas = new WallDeltas(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { states } });

        Assert.Empty(deltas.Next(Batch(1, Seat("s1", SeatState.Ready)), []));
        Assert.Empty(deltas.Next(Batch(2, Seat("s1", SeatState.OnCall)), []));
        Assert.Equal(0, states.Written);

        var whole = Assert.Single(Seats(deltas.Next(Batch(3, Seat("s1", SeatState.WrapUp)), [MonitorScope.Everything]).Single().Batch));
        Assert.Equal("WrapUp", whole["state"]);
        Assert.Contains("name", whole.Keys);
        Assert.Equal(1, states.Written);
    }

    private sealed class CountingStates : JsonConverter<SeatState>
    {
        public int Written { get; private set; }

        public override SeatState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Enum.Parse<SeatState>(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, SeatState value, JsonSerializerOptions options)
        {
            Written++;
            writer.WriteStringValue(value.ToString());
        }
    }
}
