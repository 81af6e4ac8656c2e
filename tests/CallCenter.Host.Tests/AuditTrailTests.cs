using Microsoft.Data.Sqlite;

namespace CallCenter.Host.Tests;

/// <summary>The audit trail in the query store is hash-chained: a changed or deleted line is found by the API and by the host command.</summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task A_changed_or_deleted_audit_line_is_detected_by_verify_and_by_the_host_command()
    {
        await using var host = await RunningHost.Start();
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
        Assert.Equal(0, await Verify(host, day));

        // Someone with access to the database edits one line.
        await Tamper(host, "agent=agent1", "agent=agent9");
        var broken = await supervisor.GetAsync($"/api/v1/audit/verify?day={day}").Ok();
        Assert.Equal("False", broken.Str("intact"));
        var at = broken.GetProperty("brokenAt").GetInt32();
        Assert.Contains("agent=agent9", (await supervisor.GetAsync($"/api/v1/audit/{day}").Ok())[at].Str("detail"));
        Assert.Equal(1, await Verify(host, day));

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

        await Tamper(host, deleteSubject: "del-b");
        var broken = await (await host.As("supervisor")).GetAsync("/api/v1/audit/verify").Ok();
        Assert.Equal("False", broken.Str("intact"));
        Assert.Contains("removed, inserted or reordered", broken.Str("problem"));
    }

    private static async Task<int> Verify(RunningHost host, string day)
    {
        var output = new StringWriter();
        var code = await Commands.AuditVerify([day, $"--CallCenter:DataDir={host.DataDir}"], output);
        Assert.Contains($"audit {day}:", output.ToString());
        return code;
    }

    /// <summary>Edits the query store behind the host's back: replaces text in a line's detail, or removes the line about <paramref name="deleteSubject"/>.</summary>
    private static async Task Tamper(RunningHost host, string? from = null, string? to = null, string? deleteSubject = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDir, "history.db")}");
        await connection.OpenAsync();
        await using var change = connection.CreateCommand();
        if (deleteSubject is not null)
        {
            change.CommandText = "DELETE FROM audit_lines WHERE subject = $s";
            change.Parameters.AddWithValue("$s", deleteSubject);
        }
        else
        {
            change.CommandText = "UPDATE audit_lines SET detail = replace(detail, $from, $to) WHERE detail LIKE '%' || $from || '%'";
            change.Parameters.AddWithValue("$from", from);
            change.Parameters.AddWithValue("$to", to);
        }

        Assert.True(await change.ExecuteNonQueryAsync() >= 1, "nothing to tamper with");
    }
}
