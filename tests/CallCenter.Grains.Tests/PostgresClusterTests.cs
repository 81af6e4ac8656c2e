using CallCenter.History;
using CallCenter.Grains.Tests.Infrastructure;
using CallCenter.Storage;
using CallCenter.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CallCenter.Grains.Tests;

/// <summary>
/// Cluster mode for real: two silos on our PostgreSQL schema (membership, grain state, reminders). One silo is killed
/// mid-traffic; its seats and calls come back on the survivor from their persisted state.
/// </summary>
public sealed class PostgresClusterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(ClusterFixture.Start);
    private InProcessTestCluster cluster = null!;
    private string connection = null!;

    public async Task InitializeAsync()
    {
        connection = Environment.GetEnvironmentVariable("CALLCENTER_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("CALLCENTER_TEST_POSTGRES is not set: run the tests with ./test.sh.");
        await PostgresMigrator.MigrateAsync(connection);
        await HistorySetup.Migrate(HistoryLocation.Cluster(connection), CallCenter.History.Reporting.LegacyRows.None);

        var builder = new InProcessTestClusterBuilder(2);

        // The in-process cluster's own membership is on unless told otherwise, and the switch is not public.
        typeof(InProcessTestClusterOptions)
            .GetProperty("UseTestClusterMembership", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)!
            .SetValue(builder.Options, false);
        var clock = new CallCenterClock(time, CallCenterClock.FindZone("Asia/Shanghai"));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseCallCenterPostgresClustering(connection);
            silo.UseCallCenterPostgres(connection, StorageNames.Grains);
            silo.Services.AddCallCenterHistory(HistoryLocation.Cluster(connection));
            silo.Services.AddSingleton(clock);
            silo.Services.AddSingleton<CallCenter.Monitoring.MonitorInbox>();
            silo.Services.Configure<SeatOptions>(o => o.MissedOffersLimit = 1000);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        builder.ConfigureClient(client =>
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connection;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Killing_a_silo_mid_traffic_loses_no_call_offers_none_twice_and_leaves_no_seat_reserved()
    {
        var grains = cluster.Client;
        var queue = "pg-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IQueueGrain>(queue).Define(new QueueDefinition("发票业务", RoutingStrategy.LongestIdle, 20, 20, null));
        var seats = Enumerable.Range(0, 8).Select(i => $"{queue}-S{i}").ToList();
        foreach (var seat in seats)
        {
            await grains.GetGrain<ISeatGrain>(seat).Define(new SeatDefinition(seat, "纳税服务科", false, [new SeatSkill(queue, 3)]));
            await grains.GetGrain<ISeatGrain>(seat).Login("agent-" + seat);
            await grains.GetGrain<ISeatGrain>(seat).ChangeState(SeatState.Ready, null);
        }

        Assert.Equal(2, await ActiveMembers());
        var calls = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            calls.Add($"{queue}-call{i}");
            await grains.GetGrain<ICtiGateway>(0).CallArrived(calls[^1], new CallArrival("13800000000", queue, i % 3 == 0 ? 5 : 0));
        }

        // Take a few calls, then kill the second silo with offers ringing and calls waiting.
        await Softswitch(grains, calls, stopAfterAnswers: 4);
        var victim = cluster.Silos[1];
        await cluster.KillSiloAsync(victim);

        for (var i = 20; i < 30; i++)
        {
            calls.Add($"{queue}-call{i}");
            var id = calls[^1];
            await Retry(() => grains.GetGrain<ICtiGateway>(0).CallArrived(id, new CallArrival("13800000000", queue, 0)));
        }

        await Softswitch(grains, calls, stopAfterAnswers: int.MaxValue);

        var finalCalls = await Task.WhenAll(calls.Select(c => Retry(() => grains.GetGrain<ICallGrain>(c).Get())));
        Assert.All(finalCalls, c => Assert.Equal(CallState.Ended, c.State));
        Assert.All(finalCalls, c => Assert.Single(c.Timeline, t => t.State == CallState.Connected));
        Assert.All(finalCalls, c => Assert.True(NoDoubleOffer(c.Timeline), $"{c.CallId}: {string.Join(",", c.Timeline.Select(t => t.State))}"));

        var finalSeats = await Task.WhenAll(seats.Select(s => Retry(() => grains.GetGrain<ISeatGrain>(s).Get())));
        Assert.All(finalSeats, s => Assert.Equal(SeatState.Ready, s.State));
        Assert.Equal(30, finalSeats.Sum(s => s.Today.Calls));
        var stats = await Retry(() => grains.GetGrain<IQueueGrain>(queue).GetStats());
        Assert.Equal((30, 30, 0), (stats.Offered, stats.Answered, stats.Waiting));
        Assert.Equal(1, await ActiveMembers());
        Assert.True(await DeadMembers() >= 1);
    }

    [Fact]
    public async Task A_seat_whose_wrap_up_ends_while_the_calls_silo_dies_still_ends_the_call()
    {
        var grains = cluster.Client;
        var queue = "wu-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IQueueGrain>(queue).Define(new QueueDefinition("发票业务", RoutingStrategy.LongestIdle, 20, 60, null));
        var seats = Enumerable.Range(0, 4).Select(i => $"{queue}-S{i}").ToList();
        foreach (var seat in seats)
        {
            await grains.GetGrain<ISeatGrain>(seat).Define(new SeatDefinition(seat, "纳税服务科", false, [new SeatSkill(queue, 3)]));
            await grains.GetGrain<ISeatGrain>(seat).Login("agent-" + seat);
            await grains.GetGrain<ISeatGrain>(seat).ChangeState(SeatState.Ready, null);
        }

        var calls = Enumerable.Range(0, 4).Select(i => $"{queue}-call{i}").ToList();
        foreach (var call in calls)
        {
            await grains.GetGrain<ICtiGateway>(0).CallArrived(call, new CallArrival("13800000000", queue, 0));
        }

        var offered = await Task.WhenAll(calls.Select(c => Until(() => grains.GetGrain<ICallGrain>(c).Get(), x => x.State == CallState.Offered)));
        foreach (var call in offered)
        {
            await grains.GetGrain<ICtiGateway>(0).CallAnswered(call.CallId, call.SeatId!);
            await grains.GetGrain<ICtiGateway>(0).CallEnded(call.CallId);
        }

        // Every call on the silo about to die, every seat on the one that lives.
        var (survivor, victim) = (cluster.Silos[0], cluster.Silos[1]);
        await MoveTo(victim.SiloAddress, calls.Select(c => (IAddressable)grains.GetGrain<ICallGrain>(c)).ToList());
        await MoveTo(survivor.SiloAddress, seats.Select(c => (IAddressable)grains.GetGrain<ISeatGrain>(c)).ToList());
        await cluster.KillSiloAsync(victim);

        // The agents end their wrap-up at once, before the cluster has even noticed the death.
        foreach (var seat in seats)
        {
            await Retry(() => grains.GetGrain<ISeatGrain>(seat).ChangeState(SeatState.Ready, null));
        }

        var ended = await Task.WhenAll(calls.Select(c => Until(() => Retry(() => grains.GetGrain<ICallGrain>(c).Get()), x => x.State == CallState.Ended)));
        Assert.All(ended, c => Assert.Equal(CallState.Ended, c.Timeline[^1].State));
        Assert.All(await Task.WhenAll(seats.Select(s => grains.GetGrain<ISeatGrain>(s).Get())), s => Assert.Equal(SeatState.Ready, s.State));
    }

    [Fact]
    public async Task When_a_silo_dies_the_board_asks_every_seat_again_and_puts_right_a_tile_the_seat_never_kept()
    {
        var grains = cluster.Client;
        var queue = "mb-" + Guid.NewGuid().ToString("N")[..8];
        var seat = queue + "-S0";
        await grains.GetGrain<IQueueGrain>(queue).Define(new QueueDefinition("发票业务", RoutingStrategy.LongestIdle, 20, 20, null));
        await grains.GetGrain<ISeatGrain>(seat).Define(new SeatDefinition(seat, "纳税服务科", false, [new SeatSkill(queue, 3)]));
        await grains.GetGrain<ISeatGrain>(seat).Login("agent-" + seat);
        var board = grains.GetGrain<IMonitorBoard>(0);
        var known = await Until(() => board.Snapshot(), s => s.Seats.Any(t => t.SeatId == seat && t.State == SeatState.NotReady));
        var (survivor, victim) = (cluster.Silos[0], cluster.Silos[1]);
        await MoveTo(survivor.SiloAddress, [board]);
        await MoveTo(victim.SiloAddress, [grains.GetGrain<ISeatGrain>(seat)]);

        // What the seat's silo announced and then died before writing (or a change that died in its notifier).
        await board.Publish([known.Seats.Single(t => t.SeatId == seat) with { State = SeatState.Ready }], []);
        Assert.Equal(SeatState.Ready, (await board.Snapshot()).Seats.Single(t => t.SeatId == seat).State);
        // (When the board's directory entry was on the dying silo, Orleans also reactivates the board, which then asks
        // every seat anyway; otherwise only the board's reaction to the death puts the tile right.)
        await cluster.KillSiloAsync(victim);

        var after = await Until(() => Retry(() => board.Snapshot()), s => s.Seats.Single(t => t.SeatId == seat).State == SeatState.NotReady);
        Assert.Equal(SeatState.NotReady, after.Seats.Single(t => t.SeatId == seat).State);
        Assert.Equal(SeatState.NotReady, (await grains.GetGrain<ISeatGrain>(seat).Get()).State);
    }

    /// <summary>Migrates each grain not yet on <paramref name="silo"/> there, and checks they all are.</summary>
    private async Task MoveTo(SiloAddress silo, List<IAddressable> grains)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var ids = grains.Select(g => g.GetGrainId()).ToHashSet();
        var placed = (await management.GetDetailedGrainStatistics()).Where(g => ids.Contains(g.GrainId)).ToDictionary(g => g.GrainId, g => g.SiloAddress);
        foreach (var grain in grains.Where(g => !silo.Equals(placed.GetValueOrDefault(g.GetGrainId()))))
        {
            await cluster.MigrateAsync(grain, silo).WaitAsync(TimeSpan.FromSeconds(30));
        }

        var after = (await management.GetDetailedGrainStatistics()).Where(g => ids.Contains(g.GrainId)).ToList();
        Assert.Equal(grains.Count, after.Count);
        Assert.All(after, g => Assert.Equal(silo, g.SiloAddress));
    }

    private static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Plays the softswitch and the agents: answers every offer, hangs up, ends wrap-up; retries through failover.</summary>
    private async Task Softswitch(IGrainFactory grains, List<string> calls, int stopAfterAnswers)
    {
        var answered = 0;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var snapshots = await Task.WhenAll(calls.Select(c => Retry(() => grains.GetGrain<ICallGrain>(c).Get())));
            if (snapshots.All(c => c.State == CallState.Ended))
            {
                return;
            }

            foreach (var call in snapshots.Where(c => c.State == CallState.Offered))
            {
                await Retry(() => grains.GetGrain<ICtiGateway>(0).CallAnswered(call.CallId, call.SeatId!));
                await Retry(() => grains.GetGrain<ICtiGateway>(0).CallEnded(call.CallId));
                await Retry(() => grains.GetGrain<ISeatGrain>(call.SeatId!).ChangeState(SeatState.Ready, null));
                if (++answered >= stopAfterAnswers)
                {
                    return;
                }
            }

            // Offers that rang on the dead silo's seats time out on the domain clock and go back to the queue.
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException("Traffic did not settle within three minutes.");
    }

    private static bool NoDoubleOffer(IReadOnlyList<CallTimelineEntry> timeline)
    {
        var ringing = false;
        foreach (var entry in timeline)
        {
            if (entry.State == CallState.Offered && ringing)
            {
                return false;
            }

            ringing = entry.State == CallState.Offered;
        }

        return true;
    }

    private static async Task<T> Retry<T>(Func<Task<T>> action)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (e is not (IllegalTransitionException or NotConfiguredException or DomainValidationException) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private Task<int> ActiveMembers() => CountMembers(3);

    private Task<int> DeadMembers() => CountMembers(6);

    private async Task<int> CountMembers(int status)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM cc_membership WHERE deployment_id = @d AND status = @s", db);
        command.Parameters.AddWithValue("d", cluster.Options.ClusterId);
        command.Parameters.AddWithValue("s", status);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
