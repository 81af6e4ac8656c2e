using System.Net.Http.Headers;
using System.Text.Json;

namespace CallCenter.Host.Tests;

/// <summary>Work orders over HTTP: confidentiality by role and department, the flow's refusals, knowledge from answers, reports.</summary>
public sealed class WorkOrderApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_handler_of_another_department_gets_403_on_the_order_and_its_attachments_and_graders_see_the_taxpayer_masked()
    {
        var (tax, levy) = await Departments();
        var agent = await Host.As("agent1");
        var callId = await RecordedCalls.TakenCall(Host, "agent1", end: false);
        var order = (await agent.PostAsJsonAsync("/api/v1/work-orders", new
        {
            kind = "HardQuestion",
            department = tax,
            callId,
            taxpayer = new { name = "张三丰", taxpayerId = "91310000MA1FL00000" },
            question = "跨省迁移需要清税吗？",
        }).Expect(HttpStatusCode.Created)).GetProperty("order");
        var id = order.Str("orderId");
        Assert.Equal(("liaison1", "Liaison", "13700001111"), (order.Str("assignee"), order.Str("assigneeLevel"), order.GetProperty("taxpayer").Str("phone")));

        using var evidence = new MultipartFormDataContent { { new ByteArrayContent("证据"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", "evidence.txt" } };
        await agent.PostAsync($"/api/v1/work-orders/{id}/attachments", evidence).Ok();

        var stranger = await Host.As("handler2");
        var refused = await stranger.GetAsync($"/api/v1/work-orders/{id}").Expect(HttpStatusCode.Forbidden);
        Assert.Contains("another department", refused.Str("detail"));
        await stranger.GetAsync($"/api/v1/work-orders/{id}/attachments/1").Expect(HttpStatusCode.Forbidden);
        await stranger.PostAsJsonAsync($"/api/v1/work-orders/{id}/comments", new { text = "x" }).Expect(HttpStatusCode.Forbidden);
        Assert.DoesNotContain((await stranger.GetAsync("/api/v1/work-orders").Ok()).EnumerateArray(), o => o.Str("orderId") == id);

        var handler = await Host.As("handler1");
        Assert.Contains((await handler.GetAsync("/api/v1/work-orders?box=department").Ok()).EnumerateArray(), o => o.Str("orderId") == id);
        Assert.Equal("证据", await handler.GetStringAsync($"/api/v1/work-orders/{id}/attachments/1"));

        var grader = await Host.As("grader");
        var masked = (await grader.GetAsync($"/api/v1/work-orders/{id}").Ok()).GetProperty("taxpayer");
        Assert.Equal(("张**", "137****1111", "9131************00"), (masked.Str("name"), masked.Str("phone"), masked.Str("taxpayerId")));
        await grader.GetAsync($"/api/v1/work-orders/{id}/attachments/1").Expect(HttpStatusCode.Forbidden);
        await grader.PostAsJsonAsync($"/api/v1/work-orders/{id}/comments", new { text = "x" }).Expect(HttpStatusCode.Forbidden);
        Assert.Equal("张**", (await handler.GetAsync($"/api/v1/work-orders/{id}").Ok()).GetProperty("taxpayer").Str("name"));
        Assert.Equal("张三丰", (await agent.GetAsync($"/api/v1/work-orders/{id}").Ok()).GetProperty("taxpayer").Str("name"));

        var audit = await (await Host.As("supervisor")).GetAsync($"/api/v1/audit/{DateTime.UtcNow.AddHours(8):yyyy-MM-dd}").Ok();
        var views = audit.EnumerateArray().Where(e => e.Str("action") == "work-order-view" && e.Str("subject") == $"work-order:{id}").Select(e => e.Str("actor")).ToList();
        Assert.Contains("grader", views);
        Assert.Contains("handler1", views);
        Assert.Contains(audit.EnumerateArray(), e => e.Str("action") == "work-order-attachment" && e.Str("actor") == "handler1");
        _ = levy;
    }

    [Fact]
    public async Task A_resolved_hard_question_returns_as_a_callback_task_and_its_approved_draft_is_found_by_a_Chinese_search()
    {
        var (tax, _) = await Departments();
        var agent = await Host.As("agent2");
        var marker = "乙" + Guid.NewGuid().ToString("N")[..4];
        var id = (await agent.PostAsJsonAsync("/api/v1/work-orders", new
        {
            kind = "HardQuestion",
            department = tax,
            taxpayer = new { phone = "13900002222" },
            question = $"研发费用加计扣除比例是多少{marker}？",
        }).Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");

        var liaison = await Host.As("liaison1");
        await liaison.PostAsJsonAsync($"/api/v1/work-orders/{id}/assign", new { handler = "handler2" }).Expect(HttpStatusCode.BadRequest);
        await liaison.PostAsJsonAsync($"/api/v1/work-orders/{id}/assign", new { handler = "handler1" }).Ok();
        var handler = await Host.As("handler1");
        await handler.PostAsJsonAsync($"/api/v1/work-orders/{id}/answer", new { answer = "" }).Expect(HttpStatusCode.BadRequest);
        var answered = await handler.PostAsJsonAsync($"/api/v1/work-orders/{id}/answer",
            new { answer = "企业研发费用按实际发生额的100%在税前加计扣除。", policyReferences = new[] { "财政部 税务总局公告2023年第7号" } }).Ok();
        Assert.Equal(("AwaitingReply", "agent2"), (answered.Str("status"), answered.Str("assignee")));

        var tasks = await agent.GetAsync("/api/v1/work-orders/tasks").Ok();
        Assert.Contains(tasks.EnumerateArray(), t => t.Str("orderId") == id && t.Str("status") == "AwaitingReply");
        Assert.Contains((await agent.GetAsync("/api/v1/work-orders/notices").Ok()).EnumerateArray(), n => n.Str("orderId") == id && n.Str("kind") == "answered");
        await handler.PostAsJsonAsync($"/api/v1/work-orders/{id}/reply", new { note = "x" }).Expect(HttpStatusCode.Forbidden);
        var closed = await agent.PostAsJsonAsync($"/api/v1/work-orders/{id}/reply", new { note = "已回电" }).Ok();
        Assert.Equal("Closed", closed.Str("status"));
        await agent.PostAsJsonAsync($"/api/v1/work-orders/{id}/reply", new { note = "again" }).Expect(HttpStatusCode.Conflict);

        var entry = closed.Str("knowledgeEntry");
        await agent.GetAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString(marker)}").Ok();
        Assert.Empty((await agent.GetAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString(marker)}").Ok()).EnumerateArray());
        await (await Host.As("supervisor")).PostAsync($"/api/v1/knowledge/entries/{entry}/approve", null).Ok();
        var hits = (await agent.GetAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString("研发费用加计扣除" + marker)}").Ok()).EnumerateArray().ToList();
        Assert.Equal(entry, hits[0].Str("entryId"));
        var approved = await agent.GetAsync($"/api/v1/knowledge/entries/{entry}").Ok();
        Assert.Equal(id, approved.GetProperty("current").GetProperty("content").GetProperty("sourceOrders")[0].GetString());
    }

    [Fact]
    public async Task A_complaint_transfer_is_refused_with_409_and_bad_orders_get_clear_400s()
    {
        var (tax, levy) = await Departments();
        var agent = await Host.As("agent3");
        var complaint = (await agent.PostAsJsonAsync("/api/v1/work-orders", new
        {
            kind = "ServiceComplaint",
            department = tax,
            severity = "General",
            question = "坐席态度生硬",
            against = "agent1",
            taxpayer = new { phone = "13900003333" },
        }).Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");
        var refused = await agent.PostAsJsonAsync($"/api/v1/work-orders/{complaint}/transfer", new { department = levy, reason = "转给征管" }).Expect(HttpStatusCode.Conflict);
        Assert.Contains("cannot be transferred", refused.Str("detail"));
        // Validity is judged by service supervision, never by the seats, and never by the person the complaint names.
        await agent.PostAsJsonAsync($"/api/v1/work-orders/{complaint}/resolve", new { valid = false, resolution = "不成立" }).Expect(HttpStatusCode.Forbidden);
        await (await Host.As("agent1")).PostAsJsonAsync($"/api/v1/work-orders/{complaint}/resolve", new { valid = false, resolution = "不成立" }).Expect(HttpStatusCode.Forbidden);
        var ghost = await (await Host.As("quality1")).PostAsJsonAsync($"/api/v1/work-orders/{complaint}/resolve", new { valid = true, atFault = "nobody-here", resolution = "x" }).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("no-user", ghost.GetProperty("codes").GetProperty("atFault")[0].Str("code"));
        var quality = await Host.As("quality1");
        var unknownCause = await quality.PostAsJsonAsync($"/api/v1/work-orders/{complaint}/resolve", new { valid = true, apology = true, cause = "weather", resolution = "x" })
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(unknownCause.GetProperty("errors").TryGetProperty("cause", out _));
        var actions = new[] { new { description = "服务礼仪培训", owner = "supervisor", due = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd") } };
        var resolved = await quality.PostAsJsonAsync($"/api/v1/work-orders/{complaint}/resolve",
            new { valid = true, apology = true, cause = "attitude", actions, resolution = "已致歉并批评教育" }).Ok();
        Assert.Equal(("agent1", "InHand", "attitude"), (resolved.GetProperty("finding").Str("atFault"), resolved.Str("status"), resolved.GetProperty("finding").Str("cause")));
        var verified = await quality.PostAsJsonAsync($"/api/v1/work-orders/{complaint}/actions/1/verify", new { note = "培训签到表已核" }).Ok();
        Assert.Equal("Closed", verified.Str("status"));
        var byCause = (await (await Host.As("supervisor")).GetAsync("/api/v1/work-orders/reports/complaints").Ok()).GetProperty("byCause").EnumerateArray();
        Assert.Contains(byCause, c => c.Str("cause") == "attitude" && c.GetProperty("valid").GetInt32() >= 1);
        var complaints = await (await Host.As("supervisor")).GetAsync("/api/v1/work-orders/reports/complaints").Ok();
        Assert.Contains(complaints.GetProperty("vetoes").EnumerateArray(), v => v.Str("orderId") == complaint && v.Str("person") == "agent1");
        var agentQuality = await (await Host.As("supervisor")).GetAsync("/api/v1/grading/reports/agents").Ok();
        Assert.Contains(agentQuality.EnumerateArray(), r => r.Str("agent") == "agent1" && r.GetProperty("vetoes").GetInt32() >= 1 && r.Str("result") == "Vetoed");
        Assert.Contains((await (await Host.As("agent1")).GetAsync("/api/v1/grading/mine/vetoes").Ok()).EnumerateArray(), v => v.Str("orderId") == complaint);
        Assert.DoesNotContain((await (await Host.As("agent2")).GetAsync("/api/v1/grading/mine/vetoes").Ok()).EnumerateArray(), v => v.Str("orderId") == complaint);

        await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "Correction", question = "x" }).Expect(HttpStatusCode.BadRequest);
        await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = "nowhere", question = "x" }).Expect(HttpStatusCode.BadRequest);
        await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = tax, question = "x", taxpayer = new { phone = "call me" } }).Expect(HttpStatusCode.BadRequest);
        await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "ServiceComplaint", question = "x" }).Expect(HttpStatusCode.BadRequest);
        await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "FollowUp", question = "x", assignee = "ghost" }).Expect(HttpStatusCode.BadRequest);
        var against = await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "ServiceComplaint", department = tax, severity = "General", question = "x", against = "no-such-agent" })
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(against.GetProperty("errors").TryGetProperty("against", out _));
        await agent.GetAsync("/api/v1/work-orders/WO-nope").Expect(HttpStatusCode.NotFound);
        await agent.GetAsync("/api/v1/work-orders?box=everything").Expect(HttpStatusCode.BadRequest);
        await agent.GetAsync("/api/v1/work-orders/reports/satisfaction").Expect(HttpStatusCode.Forbidden);
        await Host.Anonymous().GetAsync("/api/v1/work-orders").Expect(HttpStatusCode.Unauthorized);

        var callId = await RecordedCalls.TakenCall(Host, "agent3");
        var referral = await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "IntegrityReferral", callId }).Expect(HttpStatusCode.Created);
        Assert.Equal(("12388", "Closed"), (referral.Str("hotline"), referral.GetProperty("order").Str("status")));
        await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "IntegrityReferral", callId, question = "举报内容" }).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Follow_up_surveys_make_the_monthly_satisfaction_report_and_its_csv()
    {
        var (tax, _) = await Departments();
        var agent = await Host.As("agent1");
        var followUp = (await agent.PostAsJsonAsync("/api/v1/work-orders", new
        {
            kind = "FollowUp",
            department = tax,
            question = "上门辅导后回访",
            taxpayer = new { phone = "13900004444" },
        }).Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");
        var quality = await Host.As("quality1");
        await quality.PostAsJsonAsync($"/api/v1/work-orders/{followUp}/survey", new { satisfaction = "Dissatisfied" }).Expect(HttpStatusCode.BadRequest);
        var undecided = await quality.PostAsJsonAsync($"/api/v1/work-orders/{followUp}/survey", new { satisfaction = "VeryDissatisfied", reason = "态度粗暴，敷衍我" })
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(undecided.GetProperty("errors").TryGetProperty("serviceFault", out _));
        await agent.PostAsJsonAsync($"/api/v1/work-orders/{followUp}/survey", new { satisfaction = "Satisfied" }).Expect(HttpStatusCode.Forbidden); // who opened it served the taxpayer
        var surveyed = await quality.PostAsJsonAsync($"/api/v1/work-orders/{followUp}/survey",
            new { satisfaction = "Dissatisfied", reason = "等待时间太长", serviceFault = true, faultDescription = "承诺回电未回", atFault = "agent2" }).Ok();
        Assert.Equal("Closed", surveyed.Str("status"));
        Assert.Equal("13900004444", surveyed.GetProperty("taxpayer").Str("phone")); // the caller sees whom to call
        var complaint = surveyed.GetProperty("relatedOrders")[0].GetString()!;
        Assert.Equal(("ServiceComplaint", "quality1"), (await quality.GetAsync($"/api/v1/work-orders/{complaint}").Ok() is var c ? (c.Str("kind"), c.Str("owner")) : default));

        var supervisor = await Host.As("supervisor");
        var report = await supervisor.GetAsync("/api/v1/work-orders/reports/satisfaction").Ok();
        Assert.True(report.GetProperty("total").GetProperty("counts").GetProperty("Dissatisfied").GetInt32() >= 1);
        Assert.True(report.GetProperty("faultsFound").GetInt32() >= 1);
        Assert.Contains(report.GetProperty("dissatisfiedReasons").EnumerateArray(), r => r.GetString() == "等待时间太长");
        var csv = await supervisor.GetStringAsync("/api/v1/work-orders/reports/satisfaction.csv");
        Assert.StartsWith("department,surveys,very_satisfied,satisfied,neutral,dissatisfied,very_dissatisfied,satisfied_percent", csv.TrimStart('\uFEFF'));
        Assert.Contains("\r\ntotal,", csv);
        var onTime = await supervisor.GetAsync("/api/v1/work-orders/reports/on-time").Ok();
        Assert.Contains(onTime.GetProperty("byKind").EnumerateArray(), r => r.Str("group") == "FollowUp" && r.GetProperty("closed").GetInt32() >= 1);
        var months = onTime.GetProperty("byMonth").EnumerateArray().ToList();
        Assert.Equal(6, months.Count);
        Assert.Equal((onTime.Str("month"), onTime.GetProperty("total").GetProperty("opened").GetInt32()), (months[^1].Str("group"), months[^1].GetProperty("opened").GetInt32()));
    }

    [Fact]
    public async Task The_live_feed_reaches_the_department_and_supervisors_but_never_another_departments_handler()
    {
        var (tax, _) = await Departments();
        await using var own = await WorkOrderFeed.Connect(Host, "handler1");
        await using var other = await WorkOrderFeed.Connect(Host, "handler2");
        await using var supervisor = await WorkOrderFeed.Connect(Host, "supervisor");
        var id = (await (await Host.As("agent1")).PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = tax, question = "房产税减免怎么申请？" })
            .Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");

        await own.WaitFor(id, 1);
        await supervisor.WaitFor(id, 1);
        await (await Host.As("liaison1")).PostAsJsonAsync($"/api/v1/work-orders/{id}/assign", new { handler = "handler1" }).Ok();
        await own.WaitFor(id, 2); // opened, then assigned
        Assert.DoesNotContain(id, other.Received);

        // Each change reaches a connection once, also a supervisor's own order (they are both a supervisor and its owner).
        // Messages on one connection keep their order, so once a later order has arrived no copy of an earlier one can.
        // An order opened within two hours of its same-day deadline (any afternoon) is told "due soon" as a change of its own.
        var own2 = (await (await Host.As("supervisor")).PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = tax, question = "主管代开的问题" })
            .Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");
        var marker = (await (await Host.As("agent1")).PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = tax, question = "标记" })
            .Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");
        await supervisor.WaitFor(marker, 1);
        foreach (var (order, told) in new[] { (id, new[] { "arrived", "assigned" }), (own2, ["arrived"]) })
        {
            var heard = supervisor.Changes(order);
            var shown = string.Join(Environment.NewLine, heard.Select(h => h.Sent));
            Assert.True(heard.Select(h => h.Sent).Distinct().Count() == heard.Count, $"a change reached the supervisor twice:{Environment.NewLine}{shown}");
            Assert.True(told.SequenceEqual(heard.Select(h => h.Notice).Where(n => n != "due-soon")), $"the supervisor heard:{Environment.NewLine}{shown}");
        }

        var metrics = await Api.WaitFor(async () => JsonSerializer.SerializeToElement(await Host.Anonymous().GetStringAsync("/metrics")),
            m => m.GetString()!.Contains("callcenter_work_orders_open{") && !m.GetString()!.Contains("callcenter_work_orders_open{kind=\"HardQuestion\"} 0"), "the open-orders gauge");
        Assert.Contains("callcenter_work_orders_overdue{", metrics.GetString());
        Assert.Contains("callcenter_work_orders_pushed_total", metrics.GetString());
    }

    [Fact]
    public async Task Attachments_uploaded_at_the_same_time_each_keep_their_own_content()
    {
        var (tax, _) = await Departments();
        var agent = await Host.As("agent3");
        var id = (await agent.PostAsJsonAsync("/api/v1/work-orders", new
        {
            kind = "TaxReport", department = tax, question = "举报",
            taxReport = new { subject = "某公司", conduct = "少报收入" },
        }).Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");

        await Task.WhenAll(Enumerable.Range(1, 6).Select(async i =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"证据{i}")), "file", $"e{i}.txt" } };
            await agent.PostAsync($"/api/v1/work-orders/{id}/attachments", form).Ok();
        }));

        var attachments = (await agent.GetAsync($"/api/v1/work-orders/{id}").Ok()).GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], attachments.Select(a => a.GetProperty("number").GetInt32()));
        foreach (var a in attachments)
        {
            var content = await agent.GetStringAsync($"/api/v1/work-orders/{id}/attachments/{a.GetProperty("number").GetInt32()}");
            Assert.Equal("证据" + a.Str("fileName")[1..^4], content);
        }
    }

    /// <summary>Two departments with the demo liaisons and handlers, ids unique to the test.</summary>
    [Fact]
    public async Task On_site_service_is_refused_after_ten_minutes_of_phone_guidance_and_dispatched_after_thirty()
    {
        var (tax, _) = await Departments();
        var agent = await Host.As("agent2");
        var question = (await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = tax, question = "税控设备无法开票", taxpayer = new { phone = "13600002222" } })
            .Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");
        var dispatch = new { engineer = "handler1", address = "世纪大道100号", agreedAt = DateTimeOffset.UtcNow.AddHours(3) };
        var onSite = new { kind = "OnSite", question = "上门处理税控设备故障", sourceOrder = question, dispatch };

        await agent.PostAsJsonAsync($"/api/v1/work-orders/{question}/guidance", new { minutes = 10, note = "指导重装驱动" }).Ok();
        var tooSoon = await agent.PostAsJsonAsync("/api/v1/work-orders", onSite).Expect(HttpStatusCode.Conflict);
        Assert.Contains("30 minutes", tooSoon.Str("detail"));
        await agent.PostAsJsonAsync($"/api/v1/work-orders/{question}/guidance", new { note = "x" }).Expect(HttpStatusCode.BadRequest);
        await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "OnSite", question = "x", sourceOrder = question }).Expect(HttpStatusCode.BadRequest);
        await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "OnSite", question = "x", sourceOrder = question, dispatch = dispatch with { engineer = "ghost-engineer" } })
            .Expect(HttpStatusCode.BadRequest);

        var guided = await agent.PostAsJsonAsync($"/api/v1/work-orders/{question}/guidance", new { minutes = 20, note = "排查证书与网络，仍无法开票" }).Ok();
        Assert.Equal(30, guided.GetProperty("guidanceMinutes").GetInt32());
        var opened = (await agent.PostAsJsonAsync("/api/v1/work-orders", onSite).Expect(HttpStatusCode.Created)).GetProperty("order");
        Assert.Equal(("OnSite", "handler1", tax, "世纪大道100号"), (opened.Str("kind"), opened.Str("assignee"), opened.Str("department"), opened.GetProperty("dispatch").Str("address")));
        var id = opened.Str("orderId");
        var engineer = await Host.As("handler1");
        await engineer.PostAsJsonAsync($"/api/v1/work-orders/{id}/visit-record", new { note = "x" }).Expect(HttpStatusCode.Conflict);
        await engineer.PostAsJsonAsync($"/api/v1/work-orders/{id}/fixed", new { note = "更换数据线" }).Ok();
        var closed = await engineer.PostAsJsonAsync($"/api/v1/work-orders/{id}/visit-record", new { note = "现场更换数据线，纳税人签字确认" }).Ok();
        Assert.Equal("Closed", closed.Str("status"));
        Assert.Single(closed.GetProperty("relatedOrders").EnumerateArray()); // its follow-up
    }

    private async Task<(string Tax, string Levy)> Departments()
    {
        var admin = await Host.As("admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await admin.PutAsJsonAsync($"/api/v1/work-orders/departments/tax-{suffix}", new { name = "纳税服务科", liaison = "liaison1", backup = "head1", head = "head1", handlers = new[] { "handler1" } }).Ok();
        await admin.PutAsJsonAsync($"/api/v1/work-orders/departments/levy-{suffix}", new { name = "征收管理科", liaison = "liaison2", head = "head1", handlers = new[] { "handler2" } }).Ok();
        await admin.PutAsJsonAsync($"/api/v1/work-orders/departments/x-{suffix}", new { name = "x", liaison = "nobody-" + suffix }).Expect(HttpStatusCode.BadRequest);
        await (await Host.As("agent1")).PutAsJsonAsync($"/api/v1/work-orders/departments/x-{suffix}", new { name = "x", liaison = "liaison1" }).Expect(HttpStatusCode.Forbidden);
        return ($"tax-{suffix}", $"levy-{suffix}");
    }
}
