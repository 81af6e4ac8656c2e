namespace CallCenter.Grains.Tests.Routing;

public sealed class QueueEntriesTests
{
    [Fact]
    public void The_calls_kept_in_order_are_always_those_a_ranking_of_the_record_finds()
    {
        var random = new Random(31);
        var record = Enumerable.Range(0, 50).Select(i => Entry($"old{i}", random)).ToList();
        record[3].OfferedTo = "S1";
        record[7].HandingTo = "q2";
        var entries = new QueueEntries(record);
        var next = 0;
        for (var step = 0; step < 5_000; step++)
        {
            var some = record.Count > 0 ? record[random.Next(record.Count)] : null;
            switch (random.Next(5))
            {
                case 0 or 1:
                    entries.Add(Entry($"new{next++}", random));
                    break;
                case 2 when some is not null:
                    some.OfferedTo = some.OfferedTo is null ? "S" + random.Next(9) : null;
                    entries.Refile(some);
                    break;
                case 3 when some is not null:
                    some.HandingTo = "q2";
                    entries.Refile(some);
                    break;
                case 4 when some is not null:
                    entries.Remove(some);
                    Assert.False(entries.Holds(some));
                    some.OfferedTo = null; // an offer cleared after its call left must not bring it back
                    entries.Refile(some);
                    break;
            }

            Assert.Equal(AcdRanking.CallsInOrder(record).Select(e => e.CallId), entries.Next(int.MaxValue).Select(e => e.CallId));
            Assert.Equal(AcdRanking.CallsInOrder(record, 3).Select(e => e.CallId), entries.Next(3).Select(e => e.CallId));
            Assert.Equal(record.Count(AcdRanking.AwaitsSeat), entries.Waiting);
        }

        Assert.All(record, e => Assert.Same(e, entries.Find(e.CallId)));
        Assert.Null(entries.Find("nobody"));
    }

    private static QueueEntry Entry(string id, Random random) =>
        new() { CallId = id, Caller = "1", Priority = random.Next(0, 3), Sequence = random.Next(0, 400), EnteredAt = DateTimeOffset.UnixEpoch };
}
