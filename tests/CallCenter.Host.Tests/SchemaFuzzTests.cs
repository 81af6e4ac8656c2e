using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallCenter.Host.Tests;

/// <summary>
/// Reads the host's own OpenAPI document and sends every operation thousands of plausible and hostile requests
/// (fixed seed): nothing answers 5xx, nothing hangs, and what was written before is unchanged after.
/// </summary>
public sealed class SchemaFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Seed = 12366;
    private const int Requests = 2400;

    private static readonly JsonNode[] Hostile =
    [
        JsonValue.Create("")!, JsonValue.Create(new string('x', 20_000))!, JsonValue.Create("a\u0000b")!, JsonValue.Create("refund \u202Eevil")!,
        JsonValue.Create("line\nbreak")!, JsonValue.Create(-1)!, JsonValue.Create(0)!, JsonValue.Create(2_147_483_647)!, JsonValue.Create(1e308)!,
        JsonValue.Create("NaN")!, JsonValue.Create("9999-12-31")!, JsonValue.Create("0001-01-01")!, JsonValue.Create(true)!, new JsonArray(),
        new JsonObject(), new JsonArray((JsonNode?)null), JsonValue.Create("<script>alert(1)</script>")!, JsonValue.Create("../../etc/passwd")!,
    ];

    private static readonly string[] PathValues =
        ["fz-1", "fz-2", "a", "x%0A", "..", "%2e%2e", new string('y', 65), "0", "-1", "2030", "%E2%80%AE", "fz.call:1", "nobody"];

    [Fact]
    public async Task Thousands_of_schema_driven_hostile_requests_get_no_5xx_no_hang_and_change_nothing_written_before()
    {
        await using var host = await RunningHost.Start();
        var admin = await host.As("admin");
        var clients = new[] { admin, await host.As("supervisor"), await host.As("agent1"), await host.As("grader"), await host.As("duty1"), host.Anonymous() };
        var before = await Written(host, admin);

        var document = JsonNode.Parse(await host.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 80, $"only {operations.Count} operations in the OpenAPI document");
        var random = new Random(Seed);
        var failures = new List<string>();
        var answered = new Dictionary<int, int>();
        var softswitch = host.Softswitch();
        for (var i = 0; i < Requests; i++)
        {
            var (method, template, operation) = operations[i % operations.Count];
            var request = Build(method, template, operation, document, random);
            var client = template.StartsWith("/api/v1/cti", StringComparison.Ordinal) ? softswitch : clients[random.Next(clients.Length)];
            HttpResponseMessage response;
            try
            {
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                response = await client.SendAsync(request, patience.Token);
            }
            catch (TaskCanceledException)
            {
                failures.Add($"{method} {request.RequestUri}: no answer in 30 s");
                continue;
            }

            answered[(int)response.StatusCode] = answered.GetValueOrDefault((int)response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500)
            {
                var body = await response.Content.ReadAsStringAsync();
                failures.Add($"{method} {request.RequestUri} → {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
            }
        }

        output.WriteLine($"{operations.Count} operations, {Requests} requests: " + string.Join(", ", answered.OrderBy(a => a.Key).Select(a => $"{a.Key}×{a.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(before, await Written(host, admin));
    }

    /// <summary>What a real centre had stored before the attack: a queue, a seat with its agent, a work order, the calendar, an intact audit chain.</summary>
    private static async Task<string> Written(RunningHost host, HttpClient admin)
    {
        if (!(await admin.GetAsync("/api/v1/queues/keep")).IsSuccessStatusCode)
        {
            await Api.DefineQueue(admin, "keep");
            await Api.DefineSeat(admin, "KEEP1", "keep");
            await admin.PostAsJsonAsync("/api/v1/seats/KEEP1/login", new { agent = "agent2", takeOver = true }).Ok();
            await admin.PutAsJsonAsync("/api/v1/work-orders/departments/keep-dept", new { name = "留存科", liaison = "liaison1" }).Ok();
            await (await host.As("agent2")).PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = "keep-dept", question = "留存的问题" })
                .Expect(HttpStatusCode.Created);
        }

        var seat = await admin.GetAsync("/api/v1/seats/KEEP1").Ok();
        var orders = (await admin.GetAsync("/api/v1/work-orders?box=all").Ok()).EnumerateArray().Where(o => o.Str("department") == "keep-dept")
            .Select(o => o.Str("orderId") + o.Str("status") + o.Str("assignee"));
        var verify = await (await host.As("supervisor")).GetAsync("/api/v1/audit/verify").Ok();
        return string.Join("\n",
            await admin.GetStringAsync("/api/v1/queues/keep"),
            seat.Str("name") + seat.Str("department") + seat.Str("agent") + seat.GetProperty("skills").GetRawText(),
            string.Join(",", orders),
            await admin.GetStringAsync("/api/v1/calendar/years/2026"),
            await admin.GetStringAsync("/api/v1/work-orders/departments"),
            verify.Str("intact"));
    }

    private static IEnumerable<(string Method, string Template, JsonNode Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                // Ending one's own session is not hostile input; it would only blind the rest of the run.
                // The dashboard's trace is a stream that stays open by design.
                if (path is "/api/v1/auth/logout" or "/dashboard/Trace" || (path == "/api/v1/auth/sessions" && method == "delete"))
                {
                    continue;
                }

                yield return (method.ToUpperInvariant(), path, operation!);
            }
        }
    }

    private static HttpRequestMessage Build(string method, string template, JsonNode operation, JsonNode document, Random random)
    {
        var path = new StringBuilder(template);
        var query = new List<string>();
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            var name = parameter!["name"]!.GetValue<string>();
            if (parameter["in"]!.GetValue<string>() == "path")
            {
                var value = random.Next(3) == 0 ? Text(Value(parameter["schema"], document, random, 0)) : PathValues[random.Next(PathValues.Length)];
                path.Replace("{" + name + "}", value.Contains('%') ? value : Uri.EscapeDataString(value));
            }
            else if (parameter["in"]!.GetValue<string>() == "query" && random.Next(3) > 0)
            {
                query.Add($"{name}={Uri.EscapeDataString(Text(Value(parameter["schema"], document, random, 0)))}");
            }
        }

        var uri = path + (query.Count > 0 ? "?" + string.Join("&", query) : "");
        var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (operation["requestBody"]?["content"]?.AsObject() is { } content && content.Count > 0)
        {
            var (mediaType, media) = content.First();
            request.Content = mediaType.Contains("json", StringComparison.Ordinal)
                ? new StringContent(Value(media!["schema"], document, random, 0)?.ToJsonString() ?? "null", Encoding.UTF8, "application/json")
                : new ByteArrayContent(RandomBytes(random)) { Headers = { ContentType = new(mediaType.Contains("multipart", StringComparison.Ordinal) ? "application/octet-stream" : mediaType) } };
        }
        else if (method is "POST" or "PUT" && random.Next(4) == 0)
        {
            request.Content = new StringContent(Hostile[random.Next(Hostile.Length)].ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>A value for a schema: usually of the right shape (with hostile leaves), sometimes hostile outright.</summary>
    private static JsonNode? Value(JsonNode? schema, JsonNode document, Random random, int depth)
    {
        if (schema is null || depth > 6 || random.Next(6) == 0)
        {
            return random.Next(8) == 0 ? null : Hostile[random.Next(Hostile.Length)].DeepClone();
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Value(document["components"]!["schemas"]![reference.Split('/')[^1]], document, random, depth + 1);
        }

        if (schema["enum"]?.AsArray() is { Count: > 0 } values)
        {
            return values[random.Next(values.Count)]?.DeepClone();
        }

        if ((schema["oneOf"] ?? schema["anyOf"])?.AsArray() is { Count: > 0 } options)
        {
            return Value(options[random.Next(options.Count)], document, random, depth + 1);
        }

        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
            JsonValue single => single.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : "string",
        };
        return type switch
        {
            "object" => Object(schema, document, random, depth),
            "array" => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => Value(schema["items"], document, random, depth + 1)).ToArray()),
            "integer" => JsonValue.Create(new long[] { 0, 1, 3, 5, -1, 2030, 2_147_483_647, 99_999_999_999 }[random.Next(8)]),
            "number" => JsonValue.Create(new[] { 0.0, 1.5, -2.5, 1e308, 86_399.9 }[random.Next(5)]),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            "null" => null,
            _ => JsonValue.Create(schema["format"]?.GetValue<string>() switch
            {
                "date" => new[] { "2026-11-30", "2027-01-01", "9999-12-31", "0001-01-01", "2026-02-30" }[random.Next(5)],
                "date-time" => new[] { "2026-11-30T09:00:00+08:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z" }[random.Next(3)],
                _ => new[] { "fz-" + random.Next(1000), "测试", "Ready", "LongestIdle", "", "a b", "x\n", "HardQuestion" }[random.Next(8)],
            }),
        };
    }

    private static JsonObject Object(JsonNode schema, JsonNode document, Random random, int depth)
    {
        var result = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            if (random.Next(10) < 7)
            {
                result[name] = Value(property, document, random, depth + 1);
            }
        }

        return result;
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 5000)];
        random.NextBytes(bytes);
        return bytes;
    }
}
