using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR.Client;
using System.Text;
using System.Text.Json;

namespace CallCenter.Host.Tests;

/// <summary>Sign-in that resists guessing without locking anyone out, sessions that really end, and cookies no other site can use.</summary>
public sealed class SessionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Twenty_wrong_passwords_from_one_address_get_429_and_the_owner_still_signs_in_from_another()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await SignIn("agent2", "Wrong-pass-" + i, from: "203.0.113.7")).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var throttled = await SignIn("agent2", RunningHost.Password, from: "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);

        Assert.Equal(HttpStatusCode.OK, (await SignIn("agent2", RunningHost.Password, from: "198.51.100.9")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignIn("agent2", RunningHost.Password, from: "198.51.100.9")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn("nobody-at-all", "Wrong-pass-1", from: "198.51.100.10")).StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_session_of_a_bearer_token_and_of_a_copied_cookie_at_once()
    {
        var script = await Host.As("agent3");
        await script.GetAsync("/api/v1/auth/me").Ok();
        await script.PostAsync("/api/v1/auth/logout", null).Expect(HttpStatusCode.NoContent);
        await script.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.Unauthorized);

        var (browser, cookie) = await Browser("agent3");
        var copy = Host.Anonymous();
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        await copy.GetAsync("/api/v1/auth/me").Ok();
        await browser.PostAsync("/api/v1/auth/logout", null).Expect(HttpStatusCode.NoContent);
        await copy.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_hub_connection_whose_session_ended_is_closed_at_its_next_call_and_refused_when_it_reconnects()
    {
        var supervisor = await Host.As("supervisor");
        var token = supervisor.DefaultRequestHeaders.Authorization!.Parameter;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.Address, "/hubs/monitor"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("Snapshot");

        await supervisor.PostAsync("/api/v1/auth/logout", null).Expect(HttpStatusCode.NoContent);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<JsonElement>("Snapshot"));
        await Api.WaitFor(() => Task.FromResult(default(JsonElement)), _ => connection.State == HubConnectionState.Disconnected, "the server to close the connection");
        await connection.DisposeAsync();

        var again = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.Address, "/hubs/monitor"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => again.StartAsync());
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_reusing_it_ends_the_session_for_every_holder()
    {
        var first = await (await SignIn("grader2", RunningHost.Password)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(900, first.GetProperty("expiresIn").GetInt32());
        var refreshed = await Host.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.Str("refreshToken") }).Ok();
        Assert.NotEqual(first.Str("refreshToken"), refreshed.Str("refreshToken"));
        var client = Bearer(refreshed.Str("accessToken"));
        Assert.Equal("grader2", (await client.GetAsync("/api/v1/auth/me").Ok()).Str("userName"));

        await Host.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.Str("refreshToken") }).Expect(HttpStatusCode.Unauthorized);
        await Host.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refreshed.Str("refreshToken") }).Expect(HttpStatusCode.Unauthorized);
        await client.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.Unauthorized);
        await Host.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not.a.token" }).Expect(HttpStatusCode.Unauthorized);
        await Host.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "garbage" }).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_session_and_sign_out_everywhere_does_too()
    {
        await using var own = await RunningHost.Start();
        var tokenClient = await own.As("duty2");
        var (browser, _) = await Browser("duty2", own);
        var weak = await tokenClient.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = RunningHost.Password, newPassword = "short" }).Expect(HttpStatusCode.BadRequest);
        Assert.True(weak.GetProperty("errors").TryGetProperty("newPassword", out _));
        await tokenClient.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Not-it-1", newPassword = "Another-pass-2" }).Expect(HttpStatusCode.BadRequest);
        await tokenClient.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = RunningHost.Password, newPassword = "Another-pass-2" }).Expect(HttpStatusCode.NoContent);
        await tokenClient.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.Unauthorized);
        await browser.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn("duty2", RunningHost.Password, host: own)).StatusCode);

        var again = Bearer((await (await SignIn("duty2", "Another-pass-2", host: own)).Content.ReadFromJsonAsync<JsonElement>()).Str("accessToken"), own);
        var other = Bearer((await (await SignIn("duty2", "Another-pass-2", host: own)).Content.ReadFromJsonAsync<JsonElement>()).Str("accessToken"), own);
        Assert.Equal(2, (await other.GetAsync("/api/v1/auth/sessions").Ok()).GetArrayLength());
        Assert.Equal(2, (await again.DeleteAsync("/api/v1/auth/sessions").Ok()).GetInt32());
        await other.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_cookie_borne_change_needs_the_pages_header_and_a_same_origin()
    {
        var admin = await Host.As("admin");
        var seat = "cs-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, "csrf");
        await Api.DefineSeat(admin, seat, "csrf");
        var (browser, cookie) = await Browser("supervisor");
        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent3", takeOver = true }).Ok();

        var bare = Host.Anonymous();
        bare.DefaultRequestHeaders.Add("Cookie", cookie);
        var form = await bare.PostAsync($"/api/v1/seats/{seat}/logout", new FormUrlEncodedContent([])).Expect(HttpStatusCode.Forbidden);
        Assert.Contains(SessionsHeader, form.Str("detail"));
        var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/seats/{seat}/logout") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        foreign.Headers.Add("Origin", "https://evil.example");
        foreign.Headers.Add(SessionsHeader, "page");
        await bare.SendAsync(foreign).Expect(HttpStatusCode.Forbidden);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.txt" } };
        await bare.PostAsync("/api/v1/work-orders/any/attachments", upload).Expect(HttpStatusCode.Forbidden);
        Assert.Equal("agent3", (await admin.GetAsync($"/api/v1/seats/{seat}").Ok()).Str("agent"));

        await browser.PostAsync($"/api/v1/seats/{seat}/logout", null).Ok();
        await browser.GetAsync("/api/v1/auth/me").Ok();
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_the_pages_a_strict_policy()
    {
        foreach (var path in new[] { "/", "/login.html", "/api/v1/auth/me", "/healthz" })
        {
            var response = await Host.Anonymous().GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self';", csp);
        }
    }

    private const string SessionsHeader = "X-CallCenter-Request";

    private Task<HttpResponseMessage> SignIn(string user, string password, string? from = null, RunningHost? host = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { userName = user, password }) };
        if (from is not null)
        {
            // The test host trusts its loopback "proxy", so this is the client address it sees.
            request.Headers.Add("X-Forwarded-For", from);
        }

        return (host ?? Host).Anonymous().SendAsync(request);
    }

    private HttpClient Bearer(string token, RunningHost? host = null)
    {
        var client = (host ?? Host).Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A signed-in page: the cookie, and a client that sends it with the pages' header.</summary>
    private async Task<(HttpClient Client, string Cookie)> Browser(string user, RunningHost? host = null)
    {
        var client = (host ?? Host).Anonymous();
        client.DefaultRequestHeaders.Add(SessionsHeader, "page");
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = RunningHost.Password });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("callcenter=", StringComparison.Ordinal)).Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return (client, cookie);
    }
}
