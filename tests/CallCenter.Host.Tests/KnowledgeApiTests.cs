namespace CallCenter.Host.Tests;

public sealed class KnowledgeApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_draft_is_found_by_a_Chinese_search_from_the_agent_desktop_only_once_someone_else_approves_it()
    {
        var liaison = await Host.As("liaison1");
        var marker = "甲" + Guid.NewGuid().ToString("N")[..4];
        var draft = await liaison.PostAsJsonAsync("/api/v1/knowledge/entries", new
        {
            question = $"小规模纳税人季度销售额多少以下免征增值税{marker}？",
            answer = "季度销售额不超过30万元的，免征增值税。",
            policyReferences = new[] { "财政部 税务总局公告2023年第19号" },
            tags = new[] { "增值税", "小规模纳税人" },
            sourceOrders = new[] { "WO-2026-0001" },
        }).Ok();
        var id = draft.Str("entryId");
        var agent = await Host.As("agent1");
        Assert.Empty((await agent.GetAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString(marker)}").Ok()).EnumerateArray());

        await agent.PostAsync($"/api/v1/knowledge/entries/{id}/approve", null).Expect(HttpStatusCode.Forbidden);
        await agent.PostAsJsonAsync("/api/v1/knowledge/entries", new { question = "x", answer = "y" }).Expect(HttpStatusCode.Forbidden);
        var supervisor = await Host.As("supervisor");
        await supervisor.PostAsync($"/api/v1/knowledge/entries/{id}/approve", null).Ok();

        var hits = (await agent.GetAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString("小规模纳税人免征增值税" + marker)}").Ok()).EnumerateArray().ToList();
        Assert.Equal(id, hits[0].Str("entryId"));
        Assert.Equal("1", hits[0].Str("version"));
        var entry = await agent.GetAsync($"/api/v1/knowledge/entries/{id}").Ok();
        Assert.Equal("WO-2026-0001", entry.GetProperty("current").GetProperty("content").GetProperty("sourceOrders")[0].GetString());
        Assert.Equal(("liaison1", "supervisor"), (entry.GetProperty("current").Str("author"), entry.GetProperty("current").Str("approvedBy")));
    }

    [Fact]
    public async Task Authors_do_not_approve_their_own_drafts_and_bad_input_gets_400s()
    {
        var supervisor = await Host.As("supervisor");
        var id = (await supervisor.PostAsJsonAsync("/api/v1/knowledge/entries", new { question = "发票丢失怎么办？", answer = "按规定登报声明作废后补开。" }).Ok()).Str("entryId");
        var own = await supervisor.PostAsync($"/api/v1/knowledge/entries/{id}/approve", null).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("someone other than its author", own.Str("detail"));
        await supervisor.PostAsJsonAsync("/api/v1/knowledge/entries", new { question = "", answer = "y" }).Expect(HttpStatusCode.BadRequest);
        await supervisor.PostAsJsonAsync("/api/v1/knowledge/entries", new { question = "q", answer = "a", validFrom = "2026-12-01", validTo = "2026-01-01" }).Expect(HttpStatusCode.BadRequest);
        await supervisor.GetAsync("/api/v1/knowledge/search?q=").Expect(HttpStatusCode.BadRequest);
        await supervisor.GetAsync("/api/v1/knowledge/entries/kb-none").Expect(HttpStatusCode.NotFound);
        await (await Host.As("admin")).PostAsync("/api/v1/knowledge/entries/kb-none/approve", null).Expect(HttpStatusCode.Conflict);
    }
}
