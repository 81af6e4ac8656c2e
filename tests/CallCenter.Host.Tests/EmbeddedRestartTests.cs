namespace CallCenter.Host.Tests;

public sealed class EmbeddedRestartTests
{
    [Fact]
    public async Task Seats_queues_call_timelines_and_counters_are_back_after_a_restart_on_the_same_data_dir()
    {
        var dataDir = RunningHost.NewDataDir();
        var queue = "restart-q";
        var seat = "restart-S1";
        string callId = "restart-call-1";
        System.Text.Json.JsonElement callBefore, statsBefore, seatBefore;

        await using (var host = await RunningHost.Start(dataDir))
        {
            var admin = await host.As("admin");
            var supervisor = await host.As("supervisor");
            var softswitch = host.Softswitch();
            await Api.DefineQueue(admin, queue, new { name = "个人所得税", strategy = "FewestCalls", serviceLevelSeconds = 30, ringTimeoutSeconds = 25 });
            await Api.DefineSeat(admin, seat, queue);
            await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1", takeOver = true }).Ok();
            await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Ok();
            await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId, caller = "13912345678", queue }).Expect(HttpStatusCode.Accepted);
            await Api.WaitFor(() => supervisor.GetAsync($"/api/v1/calls/{callId}").Ok(), c => c.Str("state") == "Offered", "the offer");
            await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{callId}/answered", new { seatId = seat }).Ok();
            await softswitch.PostAsync($"/api/v1/cti/calls/{callId}/ended", null).Ok();
            await supervisor.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "NotReady", reason = "meal" }).Ok();
            await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = "restart-call-2", caller = "13800000000", queue }).Expect(HttpStatusCode.Accepted);
            await softswitch.PostAsync("/api/v1/cti/calls/restart-call-2/abandoned", null).Ok();

            callBefore = await supervisor.GetAsync($"/api/v1/calls/{callId}").Ok();
            statsBefore = await supervisor.GetAsync($"/api/v1/queues/{queue}/stats").Ok();
            seatBefore = await supervisor.GetAsync($"/api/v1/seats/{seat}").Ok();
        }

        await using (var host = await RunningHost.Start(dataDir))
        {
            var supervisor = await host.As("supervisor");
            var queueAfter = await supervisor.GetAsync($"/api/v1/queues/{queue}").Ok();
            Assert.Equal(("个人所得税", "FewestCalls", "25"), (queueAfter.Str("name"), queueAfter.Str("strategy"), queueAfter.Str("ringTimeoutSeconds")));

            var seatAfter = await supervisor.GetAsync($"/api/v1/seats/{seat}").Ok();
            Assert.Equal(("NotReady", "meal", "agent1"), (seatAfter.Str("state"), seatAfter.Str("reason"), seatAfter.Str("agent")));
            Assert.Equal(seatBefore.GetProperty("today").ToString(), seatAfter.GetProperty("today").ToString());
            Assert.Equal(1, seatAfter.GetProperty("today").GetProperty("calls").GetInt32());

            var callAfter = await supervisor.GetAsync($"/api/v1/calls/{callId}").Ok();
            Assert.Equal(callBefore.GetProperty("timeline").ToString(), callAfter.GetProperty("timeline").ToString());
            Assert.Equal("Ended", callAfter.Str("state"));

            var statsAfter = await supervisor.GetAsync($"/api/v1/queues/{queue}/stats").Ok();
            foreach (var field in new[] { "offered", "answered", "abandoned", "answeredWithinServiceLevel", "serviceLevelPercent", "recentAbandoned" })
            {
                Assert.Equal(statsBefore.GetProperty(field).ToString(), statsAfter.GetProperty(field).ToString());
            }

            Assert.Equal((2, 1, 1), (statsAfter.GetProperty("offered").GetInt32(), statsAfter.GetProperty("answered").GetInt32(), statsAfter.GetProperty("abandoned").GetInt32()));
        }

        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Open_work_orders_their_attachments_inboxes_and_departments_are_back_after_a_restart()
    {
        var dataDir = RunningHost.NewDataDir();
        string id;
        System.Text.Json.JsonElement before;
        await using (var host = await RunningHost.Start(dataDir))
        {
            var admin = await host.As("admin");
            await admin.PutAsJsonAsync("/api/v1/work-orders/departments/levy", new { name = "征收管理科", liaison = "liaison2", handlers = new[] { "handler2" } }).Ok();
            var agent = await host.As("agent2");
            id = (await agent.PostAsJsonAsync("/api/v1/work-orders", new
            {
                kind = "TaxReport",
                department = "levy",
                question = "举报未按规定开具发票",
                taxpayer = new { phone = "13900006666" },
                taxReport = new { subject = "某餐饮店", conduct = "收款不开发票", anonymous = true },
            }).Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");
            using var file = new MultipartFormDataContent { { new ByteArrayContent("小票照片"u8.ToArray()), "file", "receipt.jpg" } };
            await agent.PostAsync($"/api/v1/work-orders/{id}/attachments", file).Ok();
            await (await host.As("liaison2")).PostAsJsonAsync($"/api/v1/work-orders/{id}/assign", new { handler = "handler2" }).Ok();
            before = await (await host.As("supervisor")).GetAsync($"/api/v1/work-orders/{id}").Ok();
        }

        await using (var host = await RunningHost.Start(dataDir))
        {
            var handler = await host.As("handler2");
            Assert.Contains((await handler.GetAsync("/api/v1/work-orders?box=mine").Ok()).EnumerateArray(), o => o.Str("orderId") == id);
            Assert.Equal("小票照片", await handler.GetStringAsync($"/api/v1/work-orders/{id}/attachments/1"));
            var after = await (await host.As("supervisor")).GetAsync($"/api/v1/work-orders/{id}").Ok();
            foreach (var field in new[] { "status", "owner", "assignee", "due", "taxReport", "timeline", "attachments" })
            {
                Assert.Equal(before.GetProperty(field).ToString(), after.GetProperty(field).ToString());
            }

            var answered = await handler.PostAsJsonAsync($"/api/v1/work-orders/{id}/answer", new { answer = "已责令改正并处罚款。" }).Ok();
            Assert.Equal(("AwaitingReply", "agent2"), (answered.Str("status"), answered.Str("assignee")));
        }

        Directory.Delete(dataDir, recursive: true);
    }
}
