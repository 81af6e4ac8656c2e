using CallCenter.Seats;
using Npgsql;

namespace CallCenter.Host.Tests;

/// <summary>No backplane: a change made through host A reaches a supervisor (or an inbox) connected to host B via B's relay.</summary>
public sealed class TwoHostMonitorTests
{
    [Fact]
    public async Task A_change_on_one_host_reaches_a_wallboard_on_the_other()
    {
        var server = Environment.GetEnvironmentVariable("CALLCENTER_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("CALLCENTER_TEST_POSTGRES is not set: run the tests with ./test.sh.");
        var name = "mon_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
        }

        string[] cluster =
        [
            "--CallCenter:Mode=Cluster", $"--ConnectionStrings:Postgres={new NpgsqlConnectionStringBuilder(server) { Database = name }}",
            $"--CallCenter:ClusterId={name}", $"--CallCenter:ServiceId={name}", "--CallCenter:Demo:SeedUsers=true",
        ];
        await using var a = await RunningHost.Start(null, cluster);
        await using var b = await RunningHost.Start(null, cluster);

        var adminOnA = await a.As("admin");
        await Api.DefineQueue(adminOnA, "vat");
        await Api.DefineSeat(adminOnA, "A1", "vat");
        await using var wallboardOnB = await Wallboard.Connect(b, "supervisor");
        await adminOnA.PostAsJsonAsync("/api/v1/seats/A1/login", new { agent = "agent1", takeOver = true }).Ok();

        var batch = await wallboardOnB.WaitFor(x => x.Seats.Any(s => s.SeatId == "A1" && s.State == SeatState.NotReady));
        Assert.Equal("agent1", batch.Seats.Single(s => s.SeatId == "A1").Agent);
        Assert.Contains((await wallboardOnB.Snapshot()).Seats, s => s.SeatId == "A1" && s.State == SeatState.NotReady);

        await adminOnA.PutAsJsonAsync("/api/v1/work-orders/departments/tax", new { name = "纳税服务科", liaison = "liaison1", handlers = new[] { "handler1" } }).Ok();
        await using var liaisonOnB = await WorkOrderFeed.Connect(b, "liaison1");
        var order = await (await a.As("agent1")).PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = "tax", question = "跨区迁移要注销吗？" })
            .Expect(HttpStatusCode.Created);
        await liaisonOnB.WaitFor(order.GetProperty("order").Str("orderId"), 1); // work orders travel the same way: B's relay pushes A's change
    }
}
