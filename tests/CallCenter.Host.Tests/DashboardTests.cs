namespace CallCenter.Host.Tests;

public sealed class DashboardTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_Orleans_dashboard_is_for_administrators_only()
    {
        var admin = await fixture.Host.As("admin");
        var page = await admin.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType);

        await (await fixture.Host.As("supervisor")).GetAsync("/dashboard/").Expect(HttpStatusCode.Forbidden);
        await fixture.Host.Anonymous().GetAsync("/dashboard/").Expect(HttpStatusCode.Unauthorized);
    }
}

public sealed class ClusterApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Administrators_see_each_silo_and_where_the_board_the_command_bus_and_the_feed_live()
    {
        var admin = await fixture.Host.As("admin");
        await using (await Wallboard.Connect(fixture.Host, "supervisor"))
        {
            var view = await admin.GetAsync("/api/v1/cluster").Ok();
            var silo = Assert.Single(view.GetProperty("silos").EnumerateArray());
            Assert.Equal(("Active", true), (silo.Str("status"), silo.GetProperty("thisHost").GetBoolean()));
            var heldBy = view.GetProperty("heldBy");
            Assert.Equal(silo.Str("address"), heldBy.Str("monitor-board"));
            Assert.Equal(silo.Str("address"), heldBy.Str("cti-command-bus"));
            Assert.Equal(silo.Str("address"), heldBy.Str("work-order-feed"));
        }

        await (await fixture.Host.As("supervisor")).GetAsync("/api/v1/cluster").Expect(HttpStatusCode.Forbidden);
        await fixture.Host.Anonymous().GetAsync("/api/v1/cluster").Expect(HttpStatusCode.Unauthorized);
    }
}
