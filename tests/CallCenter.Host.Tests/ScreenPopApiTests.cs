namespace CallCenter.Host.Tests;

/// <summary>The screen pop follows the call: the agent at the seat holding it (caller masked) or a supervisor (in full).</summary>
public sealed class ScreenPopApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Only_the_agent_at_the_seat_and_supervisors_read_the_screen_pop_and_only_supervisors_see_the_whole_number()
    {
        var callId = await RecordedCalls.TakenCall(fixture.Host, "agent1", end: false);
        var seat = "rs-" + callId[3..];

        var mine = await (await fixture.Host.As("agent1")).GetAsync($"/api/v1/seats/{seat}/screen-pop").Ok();
        Assert.Equal((callId, "137****1111"), (mine.Str("callId"), mine.Str("caller")));
        Assert.Equal("发票业务", mine.Str("queueName"));

        var full = await (await fixture.Host.As("supervisor")).GetAsync($"/api/v1/seats/{seat}/screen-pop").Ok();
        Assert.Equal("13700001111", full.Str("caller"));

        var refused = await (await fixture.Host.As("agent2")).GetAsync($"/api/v1/seats/{seat}/screen-pop").Expect(HttpStatusCode.Forbidden);
        Assert.Equal(("seat-not-yours", seat), (refused.Str("code"), refused.GetProperty("args").Str("seat")));
        await (await fixture.Host.As("grader")).GetAsync($"/api/v1/seats/{seat}/screen-pop").Expect(HttpStatusCode.Forbidden);
        await (await fixture.Host.As("agent1")).GetAsync("/api/v1/seats/bad%20id/screen-pop").Expect(HttpStatusCode.BadRequest);
    }
}
