using CallCenter.Grains.Tests.Infrastructure;
using Orleans.Runtime;

namespace CallCenter.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TwoSiloRoutingTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task Calls_are_routed_correctly_with_seats_spread_across_two_silos()
    {
        Assert.Equal(2, fixture.Cluster.GetActiveSilos().Count());
        var q = await s.Queue("q");
        var seats = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            seats.Add(await s.ReadySeat($"s{i}", false, (q, 3)));
        }

        // Placement alone may put every seat on one silo: move half of those on the busier silo to the other.
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        var silos = fixture.Cluster.GetActiveSilos().Select(h => h.SiloAddress).ToArray();
        var placed = (await management.GetDetailedGrainStatistics())
            .Where(p => seats.Contains(p.GrainId.Key.ToString()!))
            .ToDictionary(p => p.GrainId.Key.ToString()!, p => p.SiloAddress);
        var busier = silos.MaxBy(silo => placed.Values.Count(v => v.Equals(silo)))!;
        var other = silos.First(silo => !silo.Equals(busier));
        foreach (var seat in placed.Where(p => p.Value.Equals(busier)).Select(p => p.Key).Take(seats.Count / 2 - placed.Values.Count(v => v.Equals(other))))
        {
            await fixture.Cluster.MigrateAsync(s.Seat(seat), other).WaitAsync(TimeSpan.FromSeconds(30));
        }

        var spread = await Eventually.Until(
            () => management.GetDetailedGrainStatistics(),
            all => all.Where(p => seats.Contains(p.GrainId.Key.ToString()!)).Select(p => p.SiloAddress).Distinct().Count() == 2,
            "seats on both silos");
        Assert.Equal(10, spread.Count(p => seats.Contains(p.GrainId.Key.ToString()!)));

        var calls = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            calls.Add(await s.Arrive(q));
        }

        var offered = await Task.WhenAll(calls.Select(c => s.CallIn(c, CallState.Offered)));
        Assert.Equal(10, offered.Select(c => c.SeatId).Distinct().Count());
        foreach (var call in offered)
        {
            await s.Cti.CallAnswered(call.CallId, call.SeatId!);
            await s.Cti.CallEnded(call.CallId);
        }

        var stats = await s.QueueGrain(q).GetStats();
        Assert.Equal((10, 10, 0), (stats.Offered, stats.Answered, stats.Waiting));
        Assert.All(await Task.WhenAll(seats.Select(id => s.Seat(id).Get())), seat => Assert.Equal(SeatState.WrapUp, seat.State));
    }
}
