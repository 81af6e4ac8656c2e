using System.Text;

namespace CallCenter.Host.Tests;

/// <summary>Whatever arrives, the answer is a 4xx problem, never a 5xx, and nothing already stored changes.</summary>
public sealed class HostileInputTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    private static readonly string Huge = new('x', 200_000);
    private static readonly string LongId = new('y', 4_000);

    public static TheoryData<string, string, string> Bodies() => new()
    {
        { "PUT", "/api/v1/queues/{queue}", "{\"name\": \"x\"," },
        { "PUT", "/api/v1/queues/{queue}", "[1,2,3]" },
        { "PUT", "/api/v1/queues/{queue}", "{\"name\": 42}" },
        { "PUT", "/api/v1/queues/{queue}", "{\"name\": \"x\", \"strategy\": \"Fastest\"}" },
        { "PUT", "/api/v1/queues/{queue}", "{\"name\": \"x\", \"strategy\": 7}" },
        { "PUT", "/api/v1/queues/{queue}", "{\"name\": \"x\", \"ringTimeoutSeconds\": \"soon\"}" },
        { "PUT", "/api/v1/queues/{queue}", "{\"name\": \"x\", \"ringTimeoutSeconds\": 99999999999999}" },
        { "PUT", "/api/v1/queues/{queue}", "{\"name\": \"x\", \"serviceLevelSeconds\": -5}" },
        { "PUT", "/api/v1/queues/{queue}", "{\"name\": \"x\", \"overflow\": {\"afterSeconds\": 10, \"toQueue\": \"{queue}\"}}" },
        { "PUT", "/api/v1/queues/{queue}", "{\"name\": \"x\", \"overflow\": {\"afterSeconds\": 10}}" },
        { "PUT", "/api/v1/queues/{queue}", "{\"name\": \"HUGE\"}" },
        { "PUT", "/api/v1/queues/LONGID", "{\"name\": \"x\"}" },
        { "PUT", "/api/v1/queues/bad%20id%2F..", "{\"name\": \"x\"}" },
        { "PUT", "/api/v1/queues/{queue}", "" },
        { "PUT", "/api/v1/queues/{queue}", "null" },
        { "PUT", "/api/v1/seats/{seat}", "{\"name\": \"s\", \"department\": \"d\", \"skills\": [{\"queue\": \"{queue}\", \"level\": 9}]}" },
        { "PUT", "/api/v1/seats/{seat}", "{\"name\": \"s\", \"department\": \"d\", \"skills\": [null]}" },
        { "PUT", "/api/v1/seats/{seat}", "{\"name\": \"s\", \"department\": \"d\", \"skills\": [{\"queue\": \"missing-queue\", \"level\": 1}]}" },
        { "PUT", "/api/v1/seats/{seat}", "{\"name\": \"s\", \"department\": \"d\", \"remote\": \"yes\", \"skills\": []}" },
        { "PUT", "/api/v1/seats/{seat}", "{\"name\": \"s\", \"department\": \"d\"}" },
        { "POST", "/api/v1/seats/{seat}/state", "{\"state\": \"Sleeping\"}" },
        { "POST", "/api/v1/seats/{seat}/state", "{\"state\": \"OnCall\"}" },
        { "POST", "/api/v1/seats/{seat}/state", "{\"state\": \"NotReady\", \"reason\": \"HUGE\"}" },
        { "POST", "/api/v1/seats/{seat}/state", "{\"state\": \"NotReady\", \"reason\": \"nap\"}" },
        { "POST", "/api/v1/seats/{seat}/state", "{}" },
        { "POST", "/api/v1/seats/{seat}/login", "{\"agent\": \"HUGE\"}" },
        { "POST", "/api/v1/seats/{seat}/login", "{\"agent\": [\"a\"]}" },
        { "POST", "/api/v1/cti/calls", "{\"callId\": \"c1\", \"caller\": \"abc\", \"queue\": \"{queue}\"}" },
        { "POST", "/api/v1/cti/calls", "{\"callId\": \"c1\", \"caller\": \"123\", \"queue\": \"{queue}\", \"priority\": 99}" },
        { "POST", "/api/v1/cti/calls", "{\"callId\": \"HUGE\", \"caller\": \"123\", \"queue\": \"{queue}\"}" },
        { "POST", "/api/v1/cti/calls", "{\"caller\": \"123\", \"queue\": \"{queue}\"}" },
        { "POST", "/api/v1/cti/calls", "{\"callId\": \"c1\", \"caller\": 123, \"queue\": \"{queue}\"}" },
        { "POST", "/api/v1/cti/calls", "\u0000\u0001garbage" },
        { "POST", "/api/v1/cti/calls/never-seen/answered", "{\"seatId\": \"{seat}\"}" },
        { "POST", "/api/v1/cti/calls/never-seen/answered", "{}" },
        { "POST", "/api/v1/cti/calls/LONGID/ended", "" },
        { "POST", "/api/v1/cti/phones/{seat}", "{\"registered\": \"maybe\"}" },
        { "POST", "/api/v1/cti/phones/{seat}", "{}" },
        { "POST", "/api/v1/work-orders", "{\"kind\": \"Teleport\", \"question\": \"x\"}" },
        { "POST", "/api/v1/work-orders", "{\"kind\": 0, \"question\": \"x\"}" },
        { "POST", "/api/v1/work-orders", "[1, 2]" },
        { "POST", "/api/v1/work-orders", "{\"kind\": \"HardQuestion\", \"department\": \"HUGE\", \"question\": \"x\"}" },
        { "POST", "/api/v1/work-orders", "{\"kind\": \"HardQuestion\", \"department\": \"x\", \"question\": \"HUGE\"}" },
        { "POST", "/api/v1/work-orders", "{\"kind\": \"HardQuestion\", \"department\": \"x\", \"question\": \"x\", \"taxpayer\": {\"name\": [1]}}" },
        { "POST", "/api/v1/work-orders", "{\"kind\": \"TaxReport\", \"department\": \"x\", \"question\": \"x\", \"taxReport\": {\"subject\": \"s\", \"conduct\": \"c\", \"amount\": \"lots\"}}" },
        { "POST", "/api/v1/work-orders", "{\"kind\": \"TaxReport\", \"department\": \"x\", \"question\": \"x\", \"taxReport\": {\"subject\": \"s\", \"conduct\": \"c\", \"amount\": -1}}" },
        { "POST", "/api/v1/work-orders", "{\"kind\": \"ServiceComplaint\", \"question\": \"x\", \"severity\": \"Apocalyptic\"}" },
        { "POST", "/api/v1/work-orders", "{\"kind\": \"IntegrityReferral\", \"callId\": \"LONGID\"}" },
        { "POST", "/api/v1/work-orders/never-opened/answer", "{\"answer\": \"x\"}" },
        { "POST", "/api/v1/work-orders/LONGID/answer", "{\"answer\": \"x\"}" },
        { "POST", "/api/v1/work-orders/never-opened/answer", "{\"answer\": \"x\", \"policyReferences\": [null]}" },
        { "POST", "/api/v1/work-orders/never-opened/survey", "{\"satisfaction\": \"Ecstatic\"}" },
        { "PUT", "/api/v1/work-orders/departments/d1", "{\"name\": \"d\", \"liaison\": \"liaison1\", \"handlers\": [null]}" },
        { "PUT", "/api/v1/work-orders/departments/d1", "{\"name\": \"d\", \"liaison\": \"HUGE\"}" },
        { "PUT", "/api/v1/work-orders/departments/LONGID", "{\"name\": \"d\", \"liaison\": \"liaison1\"}" },
        { "GET", "/api/v1/work-orders?month=2026-13", "" },
        { "GET", "/api/v1/work-orders/reports/satisfaction?month=last", "" },
        { "POST", "/api/v1/auth/token", "{\"userName\": \"admin\"}" },
        { "POST", "/api/v1/auth/token", "{\"userName\": \"HUGE\", \"password\": \"HUGE\"}" },
        { "POST", "/api/v1/auth/token", "{\"userName\": \"admin\", \"password\": \"wrong\"}" },

        // ids end at the end: no trailing line break, no control characters
        { "PUT", "/api/v1/seats/SEC1%0A", "{\"name\": \"s\", \"department\": \"d\", \"skills\": []}" },
        { "PUT", "/api/v1/queues/Q%0A", "{\"name\": \"x\"}" },
        { "POST", "/api/v1/cti/calls", "{\"callId\": \"c1\\n\", \"caller\": \"123\", \"queue\": \"{queue}\"}" },
        { "POST", "/api/v1/cti/calls", "{\"callId\": \"c1\", \"caller\": \"123\\n\", \"queue\": \"{queue}\"}" },

        // texts: no NUL, no bidi override, bounded
        { "POST", "/api/v1/seats/{seat}/message", "{\"text\": \"a\\u0000b\"}" },
        { "POST", "/api/v1/seats/{seat}/message", "{\"text\": \"refund \\u202Eevil\"}" },
        { "POST", "/api/v1/seats/{seat}/message", "{\"text\": \"HUGE\"}" },
        { "PUT", "/api/v1/calendar/years/2027", "{\"holidays\": [], \"makeUpWorkdays\": [], \"source\": \"HUGE\"}" },
        { "POST", "/api/v1/cti/calls/never-seen/recording", "{\"path\": \"a\\u0000b.wav\"}" },

        // lists never hold null
        { "PUT", "/api/v1/calendar/years/2027", "{\"holidays\": [null], \"makeUpWorkdays\": []}" },
        { "PUT", "/api/v1/calendar/years/2027", "{\"holidays\": [], \"makeUpWorkdays\": [null]}" },
        { "PUT", "/api/v1/grading/forms/f-null", "{\"name\": \"f\", \"sections\": [null]}" },
        { "PUT", "/api/v1/grading/forms/f-null", "{\"name\": \"f\", \"sections\": [{\"id\": \"s\", \"name\": \"S\", \"weight\": 1, \"questions\": [null]}]}" },
        { "PUT", "/api/v1/duty/rotations/r-null", "{\"name\": \"r\", \"templates\": [null], \"departments\": [null]}" },

        // dates and numbers a calendar can do arithmetic on
        { "GET", "/api/v1/work-orders?month=0001-01", "" },
        { "GET", "/api/v1/work-orders?month=9999-12", "" },
        { "GET", "/api/v1/calendar/add?from=9999-12-31&days=5", "" },
        { "GET", "/api/v1/calendar/add?from=0001-01-01&days=-5", "" },
        { "GET", "/api/v1/calendar/end-of-day?at=9999-12-31T23:59:59Z&workingDays=3", "" },
        { "GET", "/api/v1/audit/9999-12-31", "" },
        { "PUT", "/api/v1/calendar/years/9999", "{\"holidays\": [], \"makeUpWorkdays\": []}" },
        { "POST", "/api/v1/grading/calls/c1/corrections", "{\"atSeconds\": \"NaN\", \"wrongAnswer\": \"a\", \"correctAnswer\": \"b\"}" },
        { "POST", "/api/v1/grading/calls/c1/corrections", "{\"atSeconds\": NaN, \"wrongAnswer\": \"a\", \"correctAnswer\": \"b\"}" },
        { "POST", "/api/v1/grading/samples", "{\"graders\": [\"grader\"], \"overSampleFactor\": \"Infinity\"}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Bad_input_gets_a_4xx_problem_and_never_a_5xx(string method, string path, string body)
    {
        var (queue, seat, admin) = await Existing();
        var before = await admin.GetStringAsync($"/api/v1/queues/{queue}");
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path, queue, seat))
        {
            Content = new StringContent(Fill(body, queue, seat), Encoding.UTF8, "application/json"),
        };
        var client = path.Contains("/cti/") ? Host.Softswitch() : admin;
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {path} {body[..Math.Min(60, body.Length)]} → {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, await admin.GetStringAsync($"/api/v1/queues/{queue}"));
    }

    [Fact]
    public async Task Wrong_content_type_and_a_missing_api_key_are_refused()
    {
        var (queue, _, admin) = await Existing();
        var form = await admin.PutAsync($"/api/v1/queues/{queue}", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        var noKey = await Host.Anonymous().PostAsJsonAsync("/api/v1/cti/calls", new { callId = "c", caller = "1", queue });
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task A_NUL_in_an_address_is_refused_before_the_application()
    {
        var admin = await Host.As("admin");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/calls/c%00x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/queues/q%00x", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_address_longer_than_the_server_accepts_is_refused_before_the_application()
    {
        var response = await Host.Softswitch().PostAsync("/api/v1/cti/calls/" + Huge + "/ended", null);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    private async Task<(string Queue, string Seat, HttpClient Admin)> Existing()
    {
        var admin = await Host.As("admin");
        var queue = "hq-" + Guid.NewGuid().ToString("N")[..6];
        var seat = "hs-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seat, queue);
        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1", takeOver = true }).Ok();
        return (queue, seat, admin);
    }

    private static string Fill(string text, string queue, string seat) =>
        text.Replace("{queue}", queue).Replace("{seat}", seat).Replace("HUGE", Huge).Replace("LONGID", LongId);
}
