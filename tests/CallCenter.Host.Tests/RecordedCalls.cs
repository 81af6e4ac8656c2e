using System.Net.Http.Headers;

namespace CallCenter.Host.Tests;

/// <summary>Calls taken at a seat and their real recording (a 13 s espeak conversation in stereo μ-law with dead air).</summary>
public static class RecordedCalls
{
    public static readonly string DeadAir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "dead-air.mulaw.wav");

    public static async Task<System.Text.Json.JsonElement> Upload(RunningHost host, string callId)
    {
        var body = new ByteArrayContent(await File.ReadAllBytesAsync(DeadAir));
        body.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        return await host.Softswitch().PostAsync($"/api/v1/cti/calls/{callId}/recording?agentChannel=0", body).Expect(HttpStatusCode.Created);
    }

    /// <summary>A call answered (and, unless told otherwise, ended) at a seat where <paramref name="agent"/> is logged in.</summary>
    public static async Task<string> TakenCall(RunningHost host, string agent, bool end = true)
    {
        var admin = await host.As("admin");
        var id = Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, "rq-" + id);
        await Api.DefineSeat(admin, "rs-" + id, "rq-" + id);
        await admin.PostAsJsonAsync($"/api/v1/seats/rs-{id}/login", new { agent, takeOver = true }).Ok();
        await admin.PostAsJsonAsync($"/api/v1/seats/rs-{id}/state", new { state = "Ready" }).Ok();
        var softswitch = host.Softswitch();
        var callId = "rc-" + id;
        await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId, caller = "13700001111", queue = "rq-" + id }).Expect(HttpStatusCode.Accepted);
        await Api.WaitFor(() => admin.GetAsync($"/api/v1/calls/{callId}").Ok(), c => c.Str("state") == "Offered", "the offer");
        await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{callId}/answered", new { seatId = "rs-" + id }).Ok();
        if (end)
        {
            await softswitch.PostAsync($"/api/v1/cti/calls/{callId}/ended", null).Ok();
        }

        return callId;
    }
}
