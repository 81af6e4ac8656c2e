namespace CallCenter.Host.Tests;

/// <summary>What the switch no longer carries does not stay live on the platform: a supervisor clears it, or the switch's own list does.</summary>
public sealed class StuckCallTests
{
    [Fact]
    public async Task A_supervisor_clears_a_seat_whose_call_the_switch_lost_and_the_trail_says_what_was_found()
    {
        await using var host = await RunningHost.Start();
        var callId = await RecordedCalls.TakenCall(host, "agent1", end: false);
        var seat = "rs-" + callId[3..];
        var supervisor = await host.As("supervisor");
        await (await host.As("agent1")).PostAsync($"/api/v1/seats/{seat}/clear-stuck", null).Expect(HttpStatusCode.Forbidden);

        var cleared = await supervisor.PostAsync($"/api/v1/seats/{seat}/clear-stuck", null).Ok();
        Assert.Equal(("NotReady", "forced", ""), (cleared.Str("state"), cleared.Str("reason"), cleared.Str("callId")));
        Assert.Equal("Ended", (await supervisor.GetAsync($"/api/v1/calls/{callId}").Ok()).Str("state"));
        await supervisor.PostAsync($"/api/v1/seats/{seat}/clear-stuck", null).Expect(HttpStatusCode.Conflict);

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var line = (await supervisor.GetAsync($"/api/v1/audit/{today}").Ok()).EnumerateArray().Single(e => e.Str("action") == "clear-stuck");
        Assert.Equal(("supervisor", seat), (line.Str("actor"), line.Str("subject")));
        Assert.Contains("seat OnCall→NotReady; call Connected→Ended", line.Str("detail"));
    }

    [Fact]
    public async Task The_switchs_list_of_active_calls_ends_every_waiting_ringing_or_connected_call_missing_from_it()
    {
        await using var host = await RunningHost.Start(null, "--CallCenter:Cti:ActiveCallsGraceSeconds=0");
        var connected = await RecordedCalls.TakenCall(host, "agent2", end: false);
        var admin = await host.As("admin");
        await Api.DefineQueue(admin, "nobody-serves");
        var softswitch = host.Softswitch();
        foreach (var waiting in new[] { "lost-wait", "kept-wait" })
        {
            await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = waiting, caller = "13900000000", queue = "nobody-serves" }).Expect(HttpStatusCode.Accepted);
        }

        await softswitch.PostAsJsonAsync("/api/v1/cti/active-calls", new { callIds = new[] { "bad id" } }).Expect(HttpStatusCode.BadRequest);
        // Listing every call ends nothing; once the platform holds all three, the switch drops two of them.
        await Api.WaitFor(
            () => softswitch.PostAsJsonAsync("/api/v1/cti/active-calls", new { callIds = new[] { connected, "lost-wait", "kept-wait" } }).Ok(),
            a => a.GetProperty("held").GetInt32() == 3 && a.GetProperty("ended").GetArrayLength() == 0,
            "the platform to hold the three calls");
        var answer = await softswitch.PostAsJsonAsync("/api/v1/cti/active-calls", new { callIds = new[] { "kept-wait" } }).Ok();
        Assert.Equal(["lost-wait", connected], answer.GetProperty("ended").EnumerateArray().Select(e => e.GetString()!).Order());
        var supervisor = await host.As("supervisor");
        Assert.Equal("Abandoned", (await supervisor.GetAsync("/api/v1/calls/lost-wait").Ok()).Str("state"));
        Assert.Equal("Queued", (await supervisor.GetAsync("/api/v1/calls/kept-wait").Ok()).Str("state"));
        Assert.Equal("WrapUp", (await supervisor.GetAsync($"/api/v1/calls/{connected}").Ok()).Str("state"));
        Assert.Empty((await softswitch.PostAsJsonAsync("/api/v1/cti/active-calls", new { callIds = new[] { "kept-wait" } }).Ok()).GetProperty("ended").EnumerateArray());
    }
}
