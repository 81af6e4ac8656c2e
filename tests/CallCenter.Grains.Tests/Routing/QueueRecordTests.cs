using CallCenter.Storage;

namespace CallCenter.Grains.Tests.Routing;

/// <summary>What a queue writes: who serves it, never whether a seat is free (asked again after a restart).</summary>
public sealed class QueueRecordTests
{
    [Fact]
    public void A_stored_queue_names_its_seats_and_levels_but_not_their_availability()
    {
        var record = new QueueRecord();
        record.Seats["S1"] = new QueueSeat { SeatId = "S1", Level = 3, Available = true, IdleSince = DateTimeOffset.UnixEpoch.AddDays(1), CallsToday = 7 };
        var serializer = new JsonGrainStateSerializer();

        var json = serializer.Serialize(record).ToString();
        var read = serializer.Deserialize<QueueRecord>(BinaryData.FromString(json)).Seats["S1"];

        Assert.DoesNotContain("available", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("callsToday", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(("S1", 3, false, 0), (read.SeatId, read.Level, read.Available, read.CallsToday));
    }

    [Fact]
    public void A_queue_stored_before_minutes_were_kept_reads_without_its_old_quarter_hour_list()
    {
        const string old = """{"today":{"day":"2026-11-27","offered":4,"lastQuarterHour":[{"at":"2026-11-27T09:00:00+08:00","withinServiceLevel":true}]}}""";

        var read = new JsonGrainStateSerializer().Deserialize<QueueRecord>(BinaryData.FromString(old));

        Assert.Equal((4, 0), (read.Today.Offered, read.Today.QuarterHourMinutes.Count));
    }
}
