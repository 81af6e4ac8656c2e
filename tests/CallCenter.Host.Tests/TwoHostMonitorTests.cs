using System.Collections.Concurrent;
using CallCenter.Routing;
using CallCenter.Seats;
using Npgsql;

namespace CallCenter.Host.Tests;

/// <summary>No backplane: a change made through host A reaches a supervisor (hub or wall stream) or an inbox connected to host B via B's relay.</summary>
public sealed class TwoHostMonitorTests
{
    [Fact]
    public async Task A_change_on_one_host_reaches_a_wallboard_on_the_other()
    {
        var cluster = await Cluster();
        await using var a = await RunningHost.Start(null, cluster);
        await using var b = await RunningHost.Start(null, cluster);

        var adminOnA = await a.As("admin");
        await Api.DefineQueue(adminOnA, "vat");
        await Api.DefineSeat(adminOnA, "A1", "vat");
        await using var wallboardOnB = await Wallboard.Connect(b, "supervisor");
        await using var wallOnB = await WallStream.OpenWithTicket(b, await a.As("supervisor"), null); // a ticket of A's opens on B: the keys are the cluster's
        await wallOnB.Snapshot();
        await adminOnA.PostAsJsonAsync("/api/v1/seats/A1/login", new { agent = "agent1", takeOver = true }).Ok();

        var batch = await wallboardOnB.WaitFor(x => x.Seats.Any(s => s.SeatId == "A1" && s.State == SeatState.NotReady));
        Assert.Equal("agent1", batch.Seats.Single(s => s.SeatId == "A1").Agent);
        Assert.Contains((await wallboardOnB.Snapshot()).Seats, s => s.SeatId == "A1" && s.State == SeatState.NotReady);
        var streamed = await wallOnB.WaitFor(x => x.Seats.Any(s => s.SeatId == "A1" && s.State == SeatState.NotReady)); // the page's stream on B too
        Assert.Equal("agent1", streamed.Seats.Last(s => s.SeatId == "A1").Agent);

        await adminOnA.PutAsJsonAsync("/api/v1/work-orders/departments/tax", new { name = "纳税服务科", liaison = "liaison1", handlers = new[] { "handler1" } }).Ok();
        await using var liaisonOnB = await WorkOrderFeed.Connect(b, "liaison1");
        var order = await (await a.As("agent1")).PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = "tax", question = "跨区迁移要注销吗？" })
            .Expect(HttpStatusCode.Created);
        await liaisonOnB.WaitFor(order.GetProperty("order").Str("orderId"), 1); // work orders travel the same way: B's relay pushes A's change
    }

    [Fact]
    public async Task When_the_host_holding_the_board_and_the_command_bus_leaves_the_others_follow_them_at_once()
    {
        var cluster = await Cluster();
        RunningHost? a = await RunningHost.Start(null, cluster);
        try
        {
            // With A alone in the cluster, the board and the bus activate there.
            var adminOnA = await a.As("admin");
            await Api.DefineQueue(adminOnA, "vat", new { name = "增值税", ringTimeoutSeconds = 30 });
            await Api.DefineSeat(adminOnA, "F1", "vat");
            await using (var wallboardOnA = await Wallboard.Connect(a, "supervisor"))
            await using (await a.CtiAdapter(new ConcurrentQueue<CtiCommand>()))
            {
                await adminOnA.PostAsJsonAsync("/api/v1/seats/F1/login", new { agent = "agent1", takeOver = true }).Ok();
                await wallboardOnA.WaitFor(x => x.Seats.Any(s => s.SeatId == "F1" && s.State == SeatState.NotReady));
            }

            await using var b = await RunningHost.Start(null, cluster);
            await using var wallboardOnB = await Wallboard.Connect(b, "supervisor");
            await using var wallOnB = await WallStream.Open(b, "supervisor");
            await wallOnB.Snapshot();
            var commands = new ConcurrentQueue<CtiCommand>();
            await using var adapterOnB = await b.CtiAdapter(commands);
            var adminOnB = await b.As("admin");

            await a.DisposeAsync();
            a = null;

            // Everything after A left goes through B: the seat's change reaches B's wallboard and the offer B's adapter.
            await adminOnB.PostAsJsonAsync("/api/v1/seats/F1/state", new { state = "Ready" }).Ok();
            await wallboardOnB.WaitFor(x => x.Seats.Any(s => s.SeatId == "F1" && s.State == SeatState.Ready));
            await wallOnB.WaitFor(x => x.Seats.Any(s => s.SeatId == "F1" && s.State == SeatState.Ready)); // B's stream follows the board that moved to B
            await b.Softswitch().PostAsJsonAsync("/api/v1/cti/calls", new { callId = "after-a", caller = "13800000000", queue = "vat" }).Expect(HttpStatusCode.Accepted);
            await Api.WaitFor(() => Task.FromResult(default(System.Text.Json.JsonElement)), _ => commands.Any(c => c.Kind == "offer" && c.CallId == "after-a"), "the offer on B's adapter");
        }
        finally
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }
        }
    }

    private static async Task<string[]> Cluster()
    {
        var database = await TestPostgres.NewDatabase("mon_");
        var name = new NpgsqlConnectionStringBuilder(database).Database!;

        return
        [
            "--CallCenter:Mode=Cluster", $"--ConnectionStrings:Postgres={database}",
            $"--CallCenter:ClusterId={name}", $"--CallCenter:ServiceId={name}", "--CallCenter:Demo:SeedUsers=true",
        ];
    }
}
