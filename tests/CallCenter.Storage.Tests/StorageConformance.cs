using System.Text;

namespace CallCenter.Storage.Tests;

/// <summary>
/// The same checks against both providers (SQLite for embedded, our PostgreSQL schema for cluster): ETag semantics
/// as Orleans expects them and reminder range reads around the hash ring.
/// </summary>
public abstract class StorageConformance : IAsyncLifetime
{
    private StorageHost host = null!;

    protected IGrainStorage Storage => host.Storage;

    protected IReminderTable Reminders => host.Reminders;

    protected abstract Task<StorageHost> StartHost(string serviceId);

    protected string ServiceId { get; } = "conf-" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync() => host = await StartHost(ServiceId);

    public virtual async Task DisposeAsync() => await host.DisposeAsync();

    protected static GrainId NewGrain(string key) => GrainId.Create("note", key);

    protected static GrainState<Note> Fresh() => new(new Note());

    [Fact]
    public async Task A_fresh_read_has_no_etag_and_no_record()
    {
        var state = Fresh();
        await Storage.ReadStateAsync("note", NewGrain(Guid.NewGuid().ToString()), state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.NotNull(state.State);
    }

    [Fact]
    public async Task Writes_round_trip_and_raise_the_etag()
    {
        var grain = NewGrain(Guid.NewGuid().ToString());
        var state = Fresh();
        state.State = new Note { Text = "发票 first", Count = 1 };
        await Storage.WriteStateAsync("note", grain, state);
        Assert.Equal("1", state.ETag);
        state.State.Count = 2;
        await Storage.WriteStateAsync("note", grain, state);
        Assert.Equal("2", state.ETag);

        var read = Fresh();
        await Storage.ReadStateAsync("note", grain, read);
        Assert.Equal(("发票 first", 2, "2", true), (read.State.Text, read.State.Count, read.ETag, read.RecordExists));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var grain = NewGrain(Guid.NewGuid().ToString());
        var first = Fresh();
        first.State.Text = "one";
        await Storage.WriteStateAsync("note", grain, first);
        var second = Fresh();
        await Storage.ReadStateAsync("note", grain, second);
        second.State.Text = "two";
        await Storage.WriteStateAsync("note", grain, second);

        first.State.Text = "stale";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("note", grain, first));
        var read = Fresh();
        await Storage.ReadStateAsync("note", grain, read);
        Assert.Equal(("two", "2"), (read.State.Text, read.ETag));
    }

    [Fact]
    public async Task Two_activations_both_creating_the_record_cannot_both_win()
    {
        var grain = NewGrain(Guid.NewGuid().ToString());
        var a = Fresh();
        var b = Fresh();
        await Storage.WriteStateAsync("note", grain, a);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("note", grain, b));
    }

    [Fact]
    public async Task Clear_keeps_raising_the_version_and_refuses_a_stale_etag()
    {
        var grain = NewGrain(Guid.NewGuid().ToString());
        var state = Fresh();
        state.State.Text = "to clear";
        await Storage.WriteStateAsync("note", grain, state);
        var stale = state.ETag;
        await Storage.ClearStateAsync("note", grain, state);
        Assert.Equal("2", state.ETag);
        Assert.False(state.RecordExists);

        var read = Fresh();
        await Storage.ReadStateAsync("note", grain, read);
        Assert.Equal(("", "2", false), (read.State.Text, read.ETag, read.RecordExists));

        read.State.Text = "again";
        await Storage.WriteStateAsync("note", grain, read);
        Assert.Equal("3", read.ETag);

        var old = Fresh();
        old.ETag = stale;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("note", grain, old));
    }

    [Fact]
    public async Task Many_concurrent_writes_all_land_and_a_stale_one_among_them_fails_alone()
    {
        var grains = Enumerable.Range(0, 200).Select(_ => NewGrain(Guid.NewGuid().ToString())).ToArray();
        var stale = Fresh();
        await Storage.WriteStateAsync("note", grains[0], stale);
        await Storage.WriteStateAsync("note", grains[0], Copy(stale));

        var writes = grains.Skip(1).Select(async (g, i) =>
        {
            var state = Fresh();
            state.State = new Note { Text = g.ToString(), Count = i };
            await Storage.WriteStateAsync("note", g, state);
        }).ToList();
        var staleWrite = Storage.WriteStateAsync("note", grains[0], stale);
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);

        foreach (var g in grains.Skip(1))
        {
            var read = Fresh();
            await Storage.ReadStateAsync("note", g, read);
            Assert.Equal((g.ToString(), "1"), (read.State.Text, read.ETag));
        }
    }

    private static GrainState<Note> Copy(GrainState<Note> state) => new(state.State) { ETag = state.ETag, RecordExists = state.RecordExists };

    [Fact]
    public async Task Clearing_a_never_written_grain_is_harmless()
    {
        var state = Fresh();
        await Storage.ClearStateAsync("note", NewGrain(Guid.NewGuid().ToString()), state);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task The_same_key_under_two_state_names_is_two_records()
    {
        var grain = NewGrain(Guid.NewGuid().ToString());
        var a = Fresh();
        a.State.Text = "a";
        await Storage.WriteStateAsync("one", grain, a);
        var b = Fresh();
        await Storage.ReadStateAsync("two", grain, b);
        Assert.False(b.RecordExists);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("cafe")]
    [InlineData("00112233445566778899aabbccddeeff")]
    [InlineData("00112233445566778899aabbccddeeff+ext/with#odd?chars")]
    [InlineData("2a+extension")]
    [InlineData("座席-一号")]
    public async Task Every_kind_of_key_round_trips(string key)
    {
        var grain = NewGrain(key);
        var state = Fresh();
        state.State.Text = key;
        await Storage.WriteStateAsync("note", grain, state);
        var read = Fresh();
        await Storage.ReadStateAsync("note", grain, read);
        Assert.Equal(key, read.State.Text);
    }

    [Fact]
    public async Task A_long_string_key_round_trips()
    {
        var key = new string('键', 3000);
        var state = Fresh();
        state.State.Text = "long";
        await Storage.WriteStateAsync("note", NewGrain(key), state);
        var read = Fresh();
        await Storage.ReadStateAsync("note", NewGrain(key), read);
        Assert.Equal("long", read.State.Text);
    }

    [Fact]
    public async Task A_reminder_round_trips_and_deletes_only_with_its_current_etag()
    {
        var grain = NewGrain(Guid.NewGuid().ToString());
        var start = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
        var first = await Reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "shift-start", StartAt = start, Period = TimeSpan.FromMinutes(1) });
        var row = await Reminders.ReadRow(grain, "shift-start");
        Assert.NotNull(row);
        Assert.Equal((grain, "shift-start", TimeSpan.FromMinutes(1), start, first), (row!.GrainId, row.ReminderName, row.Period, row.StartAt, row.ETag));

        var second = await Reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "shift-start", StartAt = start, Period = TimeSpan.FromMinutes(2) });
        Assert.NotEqual(first, second);
        Assert.False(await Reminders.RemoveRow(grain, "shift-start", first!));
        Assert.False(await Reminders.RemoveRow(grain, "other", second!));
        Assert.True(await Reminders.RemoveRow(grain, "shift-start", second!));
        Assert.False(await Reminders.RemoveRow(grain, "shift-start", second!));
        Assert.Null(await Reminders.ReadRow(grain, "shift-start"));
    }

    [Fact]
    public async Task Parallel_upserts_of_one_reminder_give_distinct_etags()
    {
        var grain = NewGrain(Guid.NewGuid().ToString());
        var etags = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            Reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1 + i) })));
        Assert.Equal(5, etags.Distinct().Count());
    }

    [Fact]
    public async Task A_forty_day_period_round_trips()
    {
        var grain = NewGrain(Guid.NewGuid().ToString());
        await Reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "long", StartAt = DateTime.UtcNow, Period = TimeSpan.FromDays(40) });
        Assert.Equal(TimeSpan.FromDays(40), (await Reminders.ReadRow(grain, "long"))!.Period);
    }

    [Fact]
    public async Task Range_reads_return_exactly_the_grains_in_the_ring_interval_including_wrap_around()
    {
        await Reminders.TestOnlyClearTable();
        var random = new Random(12366);
        var suffixes = new[] { "", "+ext", "+a/b", "+c\\d", "+e#f", "+g?h" };
        var grains = Enumerable.Range(0, 200)
            .Select(i => NewGrain(Guid.NewGuid().ToString("N") + suffixes[i % suffixes.Length]))
            .ToList();
        await Parallel.ForEachAsync(grains, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (g, _) =>
            await Reminders.UpsertRow(new ReminderEntry { GrainId = g, ReminderName = "r", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) }));

        var pairs = new List<(uint, uint)>
        {
            (0x10000000, 0x30000000), (0x70000000, 0x90000000), (0x90000000, 0x70000000), (0xF0000000, 0x10000000),
            (0xC0000000, 0xE0000000), (0x12345678, 0x12345678), (0, uint.MaxValue),
        };
        for (var i = 0; i < 150; i++)
        {
            pairs.Add(((uint)random.NextInt64(0, uint.MaxValue), (uint)random.NextInt64(0, uint.MaxValue)));
        }

        foreach (var (begin, end) in pairs)
        {
            var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).OrderBy(x => x, StringComparer.Ordinal);
            var actual = (await Reminders.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).OrderBy(x => x, StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(actual), $"range ({begin:X8}, {end:X8}]");
        }
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
