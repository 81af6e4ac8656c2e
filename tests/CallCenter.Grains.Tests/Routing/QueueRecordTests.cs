using CallCenter.Storage;

namespace CallCenter.Grains.Tests.Routing;

/// <summary>What a queue writes: who serves it (apart from its calls), never whether a seat is free (asked again after a restart).</summary>
public sealed class QueueRecordTests
{
    [Fact]
    public void A_queue_stores_its_seats_and_levels_apart_from_its_record_and_not_their_availability()
    {
        var seats = new QueueSeats();
        seats.Seats["S1"] = new QueueSeat { SeatId = "S1", Level = 3, Available = true, IdleSince = DateTimeOffset.UnixEpoch.AddDays(1), CallsToday = 7 };
        var serializer = new JsonGrainStateSerializer();

        var json = serializer.Serialize(seats).ToString();
        var read = serializer.Deserialize<QueueSeats>(BinaryData.FromString(json)).Seats["S1"];

        Assert.DoesNotContain("available", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("callsToday", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(("S1", 3, false, 0), (read.SeatId, read.Level, read.Available, read.CallsToday));
        Assert.DoesNotContain("seats", serializer.Serialize(new QueueRecord()).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_from_before_seats_were_kept_apart_still_reads_its_seats()
    {
        const string old = """{"entries":[],"seats":{"S1":{"seatId":"S1","level":4}},"nextSequence":3}""";

        var read = new JsonGrainStateSerializer().Deserialize<QueueRecord>(BinaryData.FromString(old));

        Assert.Equal(("S1", 4, 3L), (read.FormerSeats!["S1"].SeatId, read.FormerSeats["S1"].Level, read.NextSequence));
    }

    [Fact]
    public void A_queue_stored_before_minutes_were_kept_reads_without_its_old_quarter_hour_list()
    {
        const string old = """{"today":{"day":"2026-11-27","offered":4,"lastQuarterHour":[{"at":"2026-11-27T09:00:00+08:00","withinServiceLevel":true}]}}""";

        var read = new JsonGrainStateSerializer().Deserialize<QueueRecord>(BinaryData.FromString(old));

        Assert.Equal((4, 0), (read.Today.Offered, read.Today.QuarterHourMinutes.Count));
    }

    [Fact]
    public void A_waiting_call_is_stored_without_the_fields_it_has_not_used_and_an_offered_one_with_them()
    {
        var entered = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.FromHours(8));
        var record = new QueueRecord();
        record.Entries.Add(new QueueEntry { CallId = "c1", Caller = "13800000001", Sequence = 1, EnteredAt = entered });
        record.Entries.Add(new QueueEntry
        {
            CallId = "c2", Caller = "13800000002", Priority = 2, Sequence = 2, EnteredAt = entered, Callback = true,
            OfferedTo = "S1", OfferExpiresAt = entered.AddSeconds(20), OfferConfirmed = true, HandingTo = "q2",
        });
        var serializer = new JsonGrainStateSerializer();

        var json = serializer.Serialize(record).ToString();
        var read = serializer.Deserialize<QueueRecord>(BinaryData.FromString(json)).Entries;

        var waiting = json[json.IndexOf("\"c1\"", StringComparison.Ordinal)..json.IndexOf("\"c2\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("offeredTo", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("callback", waiting, StringComparison.Ordinal);
        Assert.Equal(("c1", 0, false, null, null, false, null), (read[0].CallId, read[0].Priority, read[0].Callback, read[0].OfferedTo, read[0].OfferExpiresAt, read[0].OfferConfirmed, read[0].HandingTo));
        Assert.Equal(("c2", 2, true, "S1", entered.AddSeconds(20), true, "q2"), (read[1].CallId, read[1].Priority, read[1].Callback, read[1].OfferedTo, read[1].OfferExpiresAt, read[1].OfferConfirmed, read[1].HandingTo));
    }
}
