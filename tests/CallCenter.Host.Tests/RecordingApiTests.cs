using System.Net.Http.Headers;

namespace CallCenter.Host.Tests;

public sealed class RecordingApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string DeadAir = RecordedCalls.DeadAir;

    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task The_softswitch_uploads_a_recording_which_is_analysed_once_and_played_with_ranges_and_an_etag()
    {
        var callId = await TakenCall("agent1");
        var stored = await Upload(callId);
        Assert.InRange(stored.GetProperty("durationSeconds").GetDouble(), 12, 14);
        Assert.NotEmpty(stored.GetProperty("analytics").GetProperty("deadAir").EnumerateArray());

        var supervisor = await Host.As("supervisor");
        var whole = await supervisor.GetAsync($"/api/v1/calls/{callId}/recording");
        Assert.Equal((HttpStatusCode.OK, "audio/wav"), (whole.StatusCode, whole.Content.Headers.ContentType!.MediaType));
        var length = whole.Content.Headers.ContentLength!.Value;
        var etag = whole.Headers.ETag!;
        Assert.Equal($"\"{stored.Str("sha256")}\"", etag.Tag);

        var part = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/calls/{callId}/recording");
        part.Headers.Range = new RangeHeaderValue(1000, 1999);
        var partial = await supervisor.SendAsync(part);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes 1000-1999/{length}", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal(1000, (await partial.Content.ReadAsByteArrayAsync()).Length);

        var beyond = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/calls/{callId}/recording");
        beyond.Headers.Range = new RangeHeaderValue(length + 10, null);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await supervisor.SendAsync(beyond)).StatusCode);

        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/calls/{callId}/recording");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await supervisor.SendAsync(again)).StatusCode);

        var analysis = await supervisor.GetAsync($"/api/v1/calls/{callId}/recording/analysis").Ok();
        Assert.Equal(2, analysis.GetProperty("peaks").GetProperty("channels").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_agent_supervisors_and_an_assigned_grader_hear_a_call_and_every_playback_is_audited()
    {
        var callId = await TakenCall("agent2");
        await Upload(callId);
        await (await Host.As("agent3")).GetAsync($"/api/v1/calls/{callId}/recording").Expect(HttpStatusCode.Forbidden);
        var grader = await Host.As("grader");
        var refused = await grader.GetAsync($"/api/v1/calls/{callId}/recording").Expect(HttpStatusCode.Forbidden);
        Assert.Contains("assigned", refused.Str("detail"));

        await Api.WaitFor(() => grader.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");
        await (await Host.As("supervisor")).PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader" }).Ok();
        Assert.Equal(HttpStatusCode.OK, (await grader.GetAsync($"/api/v1/calls/{callId}/recording")).StatusCode);
        var agent = await Host.As("agent2");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/v1/calls/{callId}/recording")).StatusCode);
        var seek = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/calls/{callId}/recording");
        seek.Headers.Range = new RangeHeaderValue(5000, null);
        Assert.Equal(HttpStatusCode.PartialContent, (await agent.SendAsync(seek)).StatusCode);

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var plays = (await (await Host.As("supervisor")).GetAsync($"/api/v1/audit/{today}").Ok()).EnumerateArray()
            .Where(e => e.Str("action") == "recording-play" && e.Str("subject") == $"call:{callId}").Select(e => e.Str("actor")).ToList();
        Assert.Equal(["grader", "agent2"], plays);
    }

    [Fact]
    public async Task A_weekly_sample_assigns_each_agents_recorded_calls_to_graders_with_due_dates_and_replays_with_its_seed()
    {
        await using var own = await RunningHost.Start();
        var calls = new List<string>();
        foreach (var agent in new[] { "agent1", "agent1", "agent2", "agent2", "agent3" })
        {
            var callId = await TakenCall(own, agent);
            await Upload(own, callId);
            calls.Add(callId);
        }

        var supervisor = await own.As("supervisor");
        await Api.WaitFor(() => supervisor.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");
        var request = new { perAgent = 1, seed = 7, graders = new[] { "grader", "grader2" }, dueWorkingDays = 3 };
        var sample = await supervisor.PostAsJsonAsync("/api/v1/grading/samples", request).Ok();
        var assignments = sample.GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal(5, sample.GetProperty("candidates").GetInt32());
        Assert.Equal(["agent1", "agent2", "agent3"], assignments.Select(a => a.Str("agent")));
        Assert.Equal([2, 1], new[] { "grader", "grader2" }.Select(g => assignments.Count(a => a.Str("grader") == g)).OrderDescending());
        var again = await supervisor.PostAsJsonAsync("/api/v1/grading/samples", request).Ok();
        Assert.Equal(assignments.Select(a => a.GetRawText()), again.GetProperty("assignments").EnumerateArray().Select(a => a.GetRawText()));

        var grader = await own.As("grader");
        var queue = await grader.GetAsync("/api/v1/grading/queue").Ok();
        var mine = assignments.Where(a => a.Str("grader") == "grader").Select(a => $"{a.Str("callId")}.grader").ToList();
        Assert.Equal(mine.Order(), queue.EnumerateArray().Select(t => t.Str("evaluationId")).Order());
        Assert.All(queue.EnumerateArray(), t => Assert.Equal(sample.Str("due"), t.Str("due")));
        var first = await grader.GetAsync($"/api/v1/grading/evaluations/{mine[0]}").Ok();
        Assert.Equal(("Draft", sample.Str("due")), (first.Str("status"), first.Str("due")));
        Assert.Equal(HttpStatusCode.OK, (await grader.GetAsync($"/api/v1/calls/{mine[0].Split('.')[0]}/recording")).StatusCode);
        await (await own.As("grader")).PostAsJsonAsync("/api/v1/grading/samples", request).Expect(HttpStatusCode.Forbidden);
        await supervisor.PostAsJsonAsync("/api/v1/grading/samples", new { perAgent = 1, graders = Array.Empty<string>() }).Expect(HttpStatusCode.BadRequest);
        var notGrader = await supervisor.PostAsJsonAsync("/api/v1/grading/samples", new { perAgent = 1, graders = new[] { "agent1" } }).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("agent1", notGrader.GetProperty("errors").GetProperty("graders")[0].GetString());
        var graders = await supervisor.GetAsync("/api/v1/grading/graders").Ok();
        Assert.Equal(["grader", "grader2", "grader3"], graders.EnumerateArray().Select(g => g.Str("userName")));
    }

    [Fact]
    public async Task A_clearly_wrong_answer_opens_a_same_day_callback_with_the_correct_answer_and_graders_see_the_number_masked()
    {
        var callId = await TakenCall("agent1");
        var grader = await Host.As("grader");
        var mark = new { atSeconds = 1.5, wrongAnswer = "小规模纳税人季度销售额45万元以下不免征增值税", correctAnswer = "季度销售额不超过30万元免征增值税", policyReference = "财政部 税务总局公告2023年第19号" };
        await grader.PostAsJsonAsync($"/api/v1/grading/calls/{callId}/corrections", mark).Expect(HttpStatusCode.Forbidden);
        await Api.WaitFor(() => grader.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");
        await (await Host.As("supervisor")).PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader" }).Ok();
        await grader.PostAsJsonAsync($"/api/v1/grading/calls/{callId}/corrections", new { atSeconds = -1, wrongAnswer = "x", correctAnswer = "y" }).Expect(HttpStatusCode.BadRequest);

        var opened = await grader.PostAsJsonAsync($"/api/v1/grading/calls/{callId}/corrections", mark).Expect(HttpStatusCode.Created);
        Assert.Equal(("CallbackOpen", "agent1", "137****1111"), (opened.Str("status"), opened.Str("agent"), opened.Str("caller")));
        var due = DateTimeOffset.Parse(opened.Str("callbackDue"));
        Assert.Equal(new TimeSpan(17, 30, 0), due.ToOffset(TimeSpan.FromHours(8)).TimeOfDay);
        var again = await grader.PostAsJsonAsync($"/api/v1/grading/calls/{callId}/corrections", mark).Expect(HttpStatusCode.Created);
        Assert.Equal(opened.Str("correctionId"), again.Str("correctionId"));

        var supervisor = await Host.As("supervisor");
        var open = await supervisor.GetAsync("/api/v1/grading/corrections?status=CallbackOpen").Ok();
        Assert.Equal("13700001111", open.EnumerateArray().Single(c => c.Str("callId") == callId).Str("caller"));
        await grader.PostAsync($"/api/v1/grading/corrections/{opened.Str("correctionId")}/callback-done", null).Expect(HttpStatusCode.Forbidden);
        await supervisor.PostAsync($"/api/v1/grading/corrections/{opened.Str("correctionId")}/callback-done", null).Ok();
        Assert.DoesNotContain((await supervisor.GetAsync("/api/v1/grading/corrections?status=CallbackOpen").Ok()).EnumerateArray(), c => c.Str("callId") == callId);
    }

    [Fact]
    public async Task Unreadable_or_misaddressed_recordings_are_refused_with_a_reason()
    {
        var callId = await TakenCall("agent3");
        var softswitch = Host.Softswitch();
        var junk = await softswitch.PostAsync($"/api/v1/cti/calls/{callId}/recording", new ByteArrayContent(new byte[4000]) { Headers = { ContentType = new("audio/wav") } })
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("could not be read", junk.GetRawText());
        await softswitch.PostAsync($"/api/v1/cti/calls/no-such-call/recording", new ByteArrayContent(await File.ReadAllBytesAsync(DeadAir))).Expect(HttpStatusCode.NotFound);
        var path = await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{callId}/recording", new { path = "/etc/passwd" }).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("upload the file", path.GetRawText());
        await softswitch.PostAsync($"/api/v1/cti/calls/{callId}/recording?agentChannel=2", new ByteArrayContent(await File.ReadAllBytesAsync(DeadAir))).Expect(HttpStatusCode.BadRequest);
        await (await Host.As("supervisor")).GetAsync($"/api/v1/calls/{callId}/recording").Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_import_path_is_followed_through_symbolic_links_and_refused_outside_the_recording_store()
    {
        var store = Path.Combine(Path.GetTempPath(), "cc-import-" + Guid.NewGuid().ToString("N"));
        var outside = Path.Combine(Path.GetTempPath(), "cc-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(store, "2026"));
        Directory.CreateDirectory(outside);
        File.Copy(DeadAir, Path.Combine(store, "2026", "inside.wav"));
        File.Copy(DeadAir, Path.Combine(outside, "secret.wav"));
        File.CreateSymbolicLink(Path.Combine(store, "leak.wav"), Path.Combine(outside, "secret.wav"));
        Directory.CreateSymbolicLink(Path.Combine(store, "elsewhere"), outside);
        File.CreateSymbolicLink(Path.Combine(store, "alias.wav"), Path.Combine(store, "2026", "inside.wav"));
        try
        {
            await using var own = await RunningHost.Start(null, $"--CallCenter:Recordings:ImportDirectory={store}");
            var softswitch = own.Softswitch();
            foreach (var path in new[] { "leak.wav", "elsewhere/secret.wav", "../" + Path.GetFileName(outside) + "/secret.wav", outside + "/secret.wav" })
            {
                var callId = await TakenCall(own, "agent1");
                var refused = await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{callId}/recording", new { path }).Expect(HttpStatusCode.BadRequest);
                Assert.Contains("inside the recording store", refused.GetRawText());
            }

            foreach (var path in new[] { "2026/inside.wav", "alias.wav" })
            {
                var callId = await TakenCall(own, "agent1");
                await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{callId}/recording", new { path }).Expect(HttpStatusCode.Created);
            }
        }
        finally
        {
            Directory.Delete(store, recursive: true);
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Two_uploads_of_one_calls_recording_at_once_store_one_and_refuse_or_replace_the_other_never_a_500()
    {
        var callId = await TakenCall("agent2");
        var bytes = await File.ReadAllBytesAsync(DeadAir);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            (await Host.Softswitch().PostAsync($"/api/v1/cti/calls/{callId}/recording", new ByteArrayContent(bytes) { Headers = { ContentType = new("audio/wav") } })).StatusCode));
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{s}"));
        Assert.Contains(HttpStatusCode.Created, statuses);
        Assert.Equal(HttpStatusCode.OK, (await (await Host.As("supervisor")).GetAsync($"/api/v1/calls/{callId}/recording")).StatusCode);

        var store = new CallCenter.Host.Recording.RecordingStore(new CallCenterSettings { DataDir = Host.DataDir });
        using (var first = store.BeginIngest("same-call"))
        {
            Assert.NotNull(first);
            Assert.Null(store.BeginIngest("same-call"));
            Assert.NotNull(store.BeginIngest("another-call"));
        }

        Assert.NotNull(store.BeginIngest("same-call"));
    }

    private Task<System.Text.Json.JsonElement> Upload(string callId) => RecordedCalls.Upload(Host, callId);

    private Task<string> TakenCall(string agent) => RecordedCalls.TakenCall(Host, agent);

    private static Task<System.Text.Json.JsonElement> Upload(RunningHost host, string callId) => RecordedCalls.Upload(host, callId);

    private static Task<string> TakenCall(RunningHost host, string agent) => RecordedCalls.TakenCall(host, agent);
}
