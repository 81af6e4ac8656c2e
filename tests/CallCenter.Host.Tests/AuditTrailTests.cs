using Microsoft.Data.Sqlite;

namespace CallCenter.Host.Tests;

/// <summary>The audit trail is hash-chained: a changed or deleted line is found by the API and by the host command.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task A_changed_or_deleted_audit_line_is_detected_by_verify_and_by_the_host_command()
    {
        var gatewayPort = RunningHost.FreePort();
        await using var host = await RunningHost.Start(null, $"--CallCenter:GatewayPort={gatewayPort}");
        var admin = await host.As("admin");
        await Api.DefineQueue(admin, "audited");
        await Api.DefineSeat(admin, "AU1", "audited");
        await admin.PostAsJsonAsync("/api/v1/seats/AU1/login", new { agent = "agent1", takeOver = true }).Ok();
        await admin.PostAsJsonAsync("/api/v1/seats/AU1/message", new { text = "请注意服务用语" }).Ok();
        var supervisor = await host.As("supervisor");

        var intact = await supervisor.GetAsync("/api/v1/audit/verify").Ok();
        Assert.Equal(("True", ""), (intact.Str("intact"), intact.Str("problem")));
        var day = intact.Str("day");
        var trail = (await supervisor.GetAsync($"/api/v1/audit/{day}").Ok()).EnumerateArray().ToList();
        Assert.Contains(trail, e => e.Str("action") == "queue-define" && e.Str("subject") == "audited");
        Assert.Contains(trail, e => e.Str("action") == "seat-define" && e.Str("subject") == "AU1");
        Assert.Equal(trail[0].Str("hash"), trail[1].Str("previous"));
        Assert.Equal(0, await Verify(gatewayPort, day));

        // Someone with access to the database edits one line.
        await Tamper(host, "agent=agent1", "agent=agent9");
        var broken = await supervisor.GetAsync($"/api/v1/audit/verify?day={day}").Ok();
        Assert.Equal("False", broken.Str("intact"));
        var at = broken.GetProperty("brokenAt").GetInt32();
        Assert.Contains("agent=agent9", (await supervisor.GetAsync($"/api/v1/audit/{day}").Ok())[at].Str("detail"));
        Assert.Equal(1, await Verify(gatewayPort, day));

        await (await host.As("agent1")).GetAsync("/api/v1/audit/verify").Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_deleted_line_breaks_the_chain_at_the_line_after_it()
    {
        await using var host = await RunningHost.Start();
        var admin = await host.As("admin");
        foreach (var queue in new[] { "del-a", "del-b", "del-c" })
        {
            await Api.DefineQueue(admin, queue);
        }

        await Tamper(host, delete: "\"subject\":\"del-b\"");
        var broken = await (await host.As("supervisor")).GetAsync("/api/v1/audit/verify").Ok();
        Assert.Equal("False", broken.Str("intact"));
        Assert.Contains("removed, inserted or reordered", broken.Str("problem"));
    }

    private static async Task<int> Verify(int gatewayPort, string day)
    {
        var output = new StringWriter();
        var code = await Commands.AuditVerify([day, $"--CallCenter:GatewayPort={gatewayPort}"], output);
        Assert.Contains($"audit {day}:", output.ToString());
        return code;
    }

    /// <summary>Edits today's audit row in the SQLite file behind the host's back: replaces text, or removes the line holding <paramref name="delete"/>.</summary>
    private static async Task Tamper(RunningHost host, string? from = null, string? to = null, string? delete = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDir, "callcenter.db")}");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT grain_id, payload FROM grain_state WHERE state_name = 'audit-day'";
        var rows = new List<(string Id, string Payload)>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var (id, payload) = Assert.Single(rows);
        var changed = payload;
        if (from is not null)
        {
            changed = payload.Replace(from, to);
        }

        if (delete is not null)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(payload)!;
            var entries = json["entries"]!.AsArray();
            entries.Remove(entries.First(e => e!.ToJsonString().Contains(delete, StringComparison.Ordinal)));
            changed = json.ToJsonString();
        }

        Assert.NotEqual(payload, changed);
        await using var write = connection.CreateCommand();
        write.CommandText = "UPDATE grain_state SET payload = $p WHERE state_name = 'audit-day' AND grain_id = $g";
        write.Parameters.AddWithValue("$p", changed);
        write.Parameters.AddWithValue("$g", id);
        Assert.Equal(1, await write.ExecuteNonQueryAsync());
    }
}
