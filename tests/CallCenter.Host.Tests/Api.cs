using System.Text.Json;

namespace CallCenter.Host.Tests;

/// <summary>Small helpers for the HTTP contract; every call asserts the status it expects.</summary>
public static class Api
{
    public static async Task<JsonElement> Expect(this Task<HttpResponseMessage> request, HttpStatusCode status)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {status}, got {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<JsonElement> Ok(this Task<HttpResponseMessage> request) => request.Expect(HttpStatusCode.OK);

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).ToString();

    public static async Task DefineQueue(HttpClient admin, string queue, object? overrides = null) =>
        await admin.PutAsJsonAsync($"/api/v1/queues/{queue}", overrides ?? new { name = "发票业务", strategy = "LongestIdle", serviceLevelSeconds = 20, ringTimeoutSeconds = 20 }).Ok();

    public static async Task DefineSeat(HttpClient admin, string seat, string queue, bool remote = false, string department = "纳税服务科") =>
        await admin.PutAsJsonAsync($"/api/v1/seats/{seat}", new { name = seat, department, remote, skills = new[] { new { queue, level = 3 } } }).Ok();

    public static async Task<JsonElement> WaitFor(Func<Task<JsonElement>> read, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var last = await read();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; last: {last}");
            }

            await Task.Delay(100);
        }
    }
}
