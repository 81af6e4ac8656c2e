using CallCenter.Calls;
using CallCenter.History;
using CallCenter.Reporting;
using CallCenter.Seats;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Host.Tests;

/// <summary>The retention job removes what is older than each kind's limit — rows, whole audit days, recording files — and nothing else.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task A_run_removes_expired_call_records_spans_audit_days_and_recordings_and_keeps_the_rest()
    {
        await using var host = await RunningHost.Start(null,
            "--CallCenter:Retention:CallRecordsDays=30", "--CallCenter:Retention:RecordingsDays=10", "--CallCenter:Retention:AuditDays=60");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using (var store = new ServiceCollection().AddLogging().AddCallCenterHistory(HistoryLocation.Embedded(host.DataDir)).BuildServiceProvider())
        {
            var records = store.GetRequiredService<ICallRecords>();
            await records.Write(Call("old-call", now.AddDays(-40), recorded: false));
            await records.Write(Call("recent-call", now.AddDays(-20), recorded: true));
            await records.Write(Call("fresh-call", now.AddDays(-1), recorded: true));
            await store.GetRequiredService<IAgentActivity>().Write(
            [
                new SeatSpan("S1", "agent1", SeatState.Ready, null, today.AddDays(-40), now.AddDays(-40), now.AddDays(-40).AddMinutes(5)),
                new SeatSpan("S1", "agent1", SeatState.Ready, null, today.AddDays(-1), now.AddDays(-1), now.AddDays(-1).AddMinutes(5)),
            ]);
            var index = store.GetRequiredService<CallCenter.Grading.IRecordedCalls>();
            await index.Add(new CallCenter.Grading.RecordedCall("recent-call", "agent1", "vat", now.AddDays(-20), 0, 0), today.AddDays(-20));
            await index.Add(new CallCenter.Grading.RecordedCall("fresh-call", "agent1", "vat", now.AddDays(-1), 0, 0), today.AddDays(-1));
            var trail = store.GetRequiredService<IAuditTrail>();
            await trail.Append(today.AddDays(-70), new AuditEntry(now.AddDays(-70), "admin", "queue-define", "old", null, LineId: "old-1"));
            await trail.Append(today.AddDays(-70), new AuditEntry(now.AddDays(-70), "admin", "seat-define", "old", null, LineId: "old-2"));
            await trail.Append(today.AddDays(-50), new AuditEntry(now.AddDays(-50), "admin", "queue-define", "kept", null, LineId: "kept-1"));
        }

        var root = Path.Combine(host.DataDir, "recordings");
        var recent = Recording(root, "recent-call", now.AddDays(-20));
        var fresh = Recording(root, "fresh-call", now.AddDays(-1));

        var admin = await host.As("admin");
        var run = await admin.PostAsync("/api/v1/retention/run", null).Ok();
        Assert.Equal((1, 1, 2, 1), (run.GetProperty("callRecords").GetInt32(), run.GetProperty("activitySpans").GetInt32(),
            run.GetProperty("auditLines").GetInt32(), run.GetProperty("recordings").GetInt32()));

        Assert.False(File.Exists(recent + ".wav") || File.Exists(recent + ".json"));
        Assert.True(File.Exists(fresh + ".wav") && File.Exists(fresh + ".json"));
        var supervisor = await host.As("supervisor");
        var left = (await supervisor.GetAsync("/api/v1/call-records?limit=10").Ok()).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.Str("callId"), i => i.Str("hasRecording"));
        Assert.Equal(new Dictionary<string, string> { ["fresh-call"] = "True", ["recent-call"] = "False" }, left);
        await using (var store = new ServiceCollection().AddLogging().AddCallCenterHistory(HistoryLocation.Embedded(host.DataDir)).BuildServiceProvider())
        {
            var index = store.GetRequiredService<CallCenter.Grading.IRecordedCalls>();
            Assert.Empty(await index.Week(CallCenter.Grading.IRecordedCalls.WeekOf(today.AddDays(-20))));
            Assert.Equal(["fresh-call"], (await index.Week(CallCenter.Grading.IRecordedCalls.WeekOf(today.AddDays(-1)))).Select(c => c.CallId));
        }

        Assert.Empty((await supervisor.GetAsync($"/api/v1/audit/{today.AddDays(-70):yyyy-MM-dd}").Ok()).EnumerateArray());
        Assert.Single((await supervisor.GetAsync($"/api/v1/audit/{today.AddDays(-50):yyyy-MM-dd}").Ok()).EnumerateArray());
        var verified = await supervisor.GetAsync($"/api/v1/audit/verify?day={today.AddDays(-50):yyyy-MM-dd}").Ok();
        Assert.Equal("True", verified.Str("intact"));

        // The run itself is audited and shown to administrators only.
        var logged = (await supervisor.GetAsync($"/api/v1/audit/{DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, CallCenterClock.FindZone("Asia/Shanghai")).DateTime):yyyy-MM-dd}").Ok())
            .EnumerateArray().Where(l => l.Str("action") == "retention-run").ToList();
        Assert.Contains("callRecords=1", Assert.Single(logged).Str("detail"));
        var settings = await admin.GetAsync("/api/v1/retention").Ok();
        Assert.Equal((30, 10, 60, "admin"), (settings.GetProperty("callRecordsDays").GetInt32(), settings.GetProperty("recordingsDays").GetInt32(),
            settings.GetProperty("auditDays").GetInt32(), settings.GetProperty("last").Str("by")));
        await supervisor.PostAsync("/api/v1/retention/run", null).Expect(HttpStatusCode.Forbidden);
    }

    private static CallDetail Call(string id, DateTimeOffset ended, bool recorded) =>
        new(id, "13800000000", "vat", ["vat"], "S1", "agent1", ended.AddMinutes(-5), ended.AddMinutes(-4), ended.AddMinutes(-4), ended,
            60, 180, 0, 0, CallOutcome.Answered, 0, recorded, DateOnly.FromDateTime(ended.UtcDateTime));

    private static string Recording(string root, string callId, DateTimeOffset written)
    {
        var path = Path.Combine(root, written.ToString("yyyy-MM"), callId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var file in new[] { path + ".wav", path + ".json" })
        {
            File.WriteAllBytes(file, [1, 2, 3]);
            File.SetLastWriteTimeUtc(file, written.UtcDateTime);
        }

        return path;
    }
}
