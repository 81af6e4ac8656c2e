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
