namespace CallCenter.Host.Tests;

/// <summary>The demo's traffic simulator plays agents only at its own seats: a person logged in at one is never driven.</summary>
public sealed class SimulatorTests
{
    [Fact]
    public async Task After_a_restart_the_simulator_leaves_a_persons_seat_as_the_person_left_it_and_offers_demo_seats_for_people()
    {
        var dataDir = RunningHost.NewDataDir();
        string[] slow = ["--CallCenter:Simulator:CallsPerMinute=0.5", "--CallCenter:Simulator:Seats=2", "--CallCenter:Simulator:RecordSeconds=0"];
        await using (var first = await RunningHost.Start(dataDir, ["--CallCenter:Simulator:Enabled=true", .. slow]))
        {
            var supervisor = await first.As("supervisor");
            // The simulator defines its seats after the host has started: until then S01 is 404.
            await Api.WaitFor(() => SeatOrNothing(supervisor, "S01"), s => s.ValueKind == System.Text.Json.JsonValueKind.Object && s.Str("agent") == "sim-agent-01", "the simulator at S01");
            // A seat may be ringing with simulated traffic just then (taking over waits for the call): try again.
            for (var attempt = 0; (await supervisor.PostAsJsonAsync("/api/v1/seats/S01/login", new { agent = "agent1", takeOver = true })).StatusCode != HttpStatusCode.OK; attempt++)
            {
                Assert.True(attempt < 60, "S01 could not be taken over within a minute");
                await Task.Delay(1000);
            }

            Assert.Equal(("agent1", "NotReady"), ((await supervisor.GetAsync("/api/v1/seats/S01").Ok()).Str("agent"), (await supervisor.GetAsync("/api/v1/seats/S01").Ok()).Str("state")));
        }

        await using var second = await RunningHost.Start(dataDir, ["--CallCenter:Simulator:Enabled=true", .. slow]);
        var again = await second.As("supervisor");
        await Api.WaitFor(() => again.GetAsync("/api/v1/seats").Ok(), seats => seats.EnumerateArray().Any(s => s.Str("seatId") == "D03"), "the demo seats for people");
        var seat = await again.GetAsync("/api/v1/seats/S01").Ok();
        Assert.Equal(("agent1", "NotReady"), (seat.Str("agent"), seat.Str("state")));
        var demo = await again.GetAsync("/api/v1/seats/D01").Ok();
        Assert.Equal("LoggedOut", demo.Str("state"));
        Assert.Equal(3, demo.GetProperty("skills").GetArrayLength());
    }

    private static async Task<System.Text.Json.JsonElement> SeatOrNothing(HttpClient client, string seat)
    {
        var response = await client.GetAsync($"/api/v1/seats/{seat}");
        return response.StatusCode == HttpStatusCode.NotFound ? default : await Task.FromResult(response).Ok();
    }
}
