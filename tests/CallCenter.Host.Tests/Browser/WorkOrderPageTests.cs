using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

public sealed class WorkOrderPageTests() : BrowserTest()
{
    [Fact]
    public async Task A_seat_opens_a_hard_question_during_a_call_the_duty_officer_sees_it_arrive_live_answers_and_the_seats_callback_task_appears()
    {
        var duty = await DutyScenario.Publish(host);
        var officer = await host.As("duty1");
        await officer.PostAsJsonAsync(duty.ShiftPath + "/check-in", new { device = "browser test" }).Ok();
        var admin = await host.As("admin");
        await admin.PutAsJsonAsync("/api/v1/work-orders/departments/tax", new { name = "纳税服务科", liaison = "liaison1", head = "head1", handlers = new[] { "handler1" } }).Ok();
        var callId = await RecordedCalls.TakenCall(host, "agent1", end: false);

        var inbox = await browser.SignIn(host, "duty1");
        await inbox.GotoAsync("/workorders.html");
        await Assertions.Expect(inbox.Locator("#live")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("live"));
        await Assertions.Expect(inbox.Locator("#inbox .order")).ToHaveCountAsync(0);

        var desk = await browser.SignIn(host, "agent1");
        await desk.EvaluateAsync("seat => localStorage.setItem('seat', seat)", "rs-" + callId[3..]);
        await desk.GotoAsync("/agent.html");
        await Assertions.Expect(desk.Locator("#seat")).ToContainTextAsync(callId);
        await Assertions.Expect(desk.Locator("#new-order select[name=department] option[value=tax]")).ToHaveCountAsync(1);
        await desk.FillAsync("#new-order textarea[name=question]", "数电发票开具后发现税率错误，如何红冲？");
        await desk.FillAsync("#new-order input[name=name]", "李四");
        await desk.ClickAsync("#open-order");
        await Assertions.Expect(desk.Locator("#order-result")).ToContainTextAsync("duty1");
        var orderId = (await desk.Locator("#order-result").TextContentAsync())!.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith("WO", StringComparison.Ordinal));

        var arrived = inbox.Locator($"#inbox [data-order='{orderId}']");
        await Assertions.Expect(arrived).ToBeVisibleAsync();
        await Assertions.Expect(arrived).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("due-"));
        await BrowserSession.Shoot(inbox, "work-order-arrived");
        await arrived.ClickAsync();
        await Assertions.Expect(inbox.Locator("#detail")).ToContainTextAsync("数电发票开具后发现税率错误");
        await Assertions.Expect(inbox.Locator("#detail")).ToContainTextAsync("李*"); // the duty officer sees the taxpayer masked
        await inbox.SetInputFilesAsync("#detail form[data-step=attachments] input[type=file]",
            new FilePayload { Name = "红冲流程.txt", MimeType = "text/plain", Buffer = "开具红字发票"u8.ToArray() });
        await inbox.ClickAsync("#detail form[data-step=attachments] button");
        await Assertions.Expect(inbox.Locator("#detail a[href$='/attachments/1']")).ToHaveTextAsync("红冲流程.txt");
        await inbox.FillAsync("#detail form[data-step=answer] textarea[name=answer]", "在电子税务局开具红字发票后重新开具蓝字发票。");
        await inbox.ClickAsync("#detail form[data-step=answer] button");
        await Assertions.Expect(inbox.Locator("#detail .pill")).ToContainTextAsync("待回复");

        // Notices and timeline lines the server wrote are said from the page's catalogue, in the chosen language.
        await Assertions.Expect(inbox.Locator("#notices")).ToContainTextAsync($"疑难问题工单 {orderId}");
        await Assertions.Expect(inbox.Locator("#detail .timeline")).ToContainTextAsync("答复");
        await Assertions.Expect(inbox.Locator("#detail .timeline")).ToContainTextAsync("转派 转至纳税服务科：duty1（带班人员）");
        await inbox.ClickAsync("#language");
        await inbox.GotoAsync($"/workorders.html?order={orderId}");
        await Assertions.Expect(inbox.Locator("#notices")).ToContainTextAsync($"Hard question order {orderId}");
        await Assertions.Expect(inbox.Locator("#detail .timeline")).ToContainTextAsync("answered");
        await Assertions.Expect(inbox.Locator("#detail .timeline")).ToContainTextAsync("routed to 纳税服务科: duty1 (duty officer)");
        await Assertions.Expect(inbox.Locator("#detail .pill")).ToContainTextAsync("To reply");
        await BrowserSession.Shoot(inbox, "work-order-answered-en");
        await inbox.ClickAsync("#language");

        var task = desk.Locator($"#tasks [data-order='{orderId}']");
        await Assertions.Expect(task).ToBeVisibleAsync();
        await Assertions.Expect(task).ToContainTextAsync("待回复");
        await BrowserSession.Shoot(desk, "work-order-callback-task");

        desk.Dialog += async (_, dialog) => await dialog.AcceptAsync("已电话回复纳税人");
        await task.Locator("[data-replied]").ClickAsync();
        await Assertions.Expect(task).ToHaveCountAsync(0);
        await Assertions.Expect(desk.Locator($"#tasks [data-order='{orderId}-f']")).ToHaveCountAsync(0); // the seat never surveys its own service

        // The follow-up waits in the pool for a service-supervision officer, who must decide on a dissatisfied answer.
        var quality = await browser.SignIn(host, "quality1");
        await Assertions.Expect(quality).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workorders.html"));
        await quality.SelectOptionAsync("#box", "pool");
        await quality.CheckAsync("#follow-ups");
        await quality.ClickAsync($"#inbox [data-order='{orderId}-f']");
        await quality.CheckAsync("#detail form[data-step=survey] input[value=Dissatisfied]");
        await quality.FillAsync("#detail form[data-step=survey] input[name=reason]", "等了很久");
        await quality.ClickAsync("#detail form[data-step=survey] button");
        await Assertions.Expect(quality.Locator("#detail form[data-step=survey] .field-error[data-error-for=serviceFault]")).ToBeVisibleAsync();
        await quality.CheckAsync("#detail form[data-step=survey] input[name=serviceFault][value=no]");
        await quality.FillAsync("#detail form[data-step=survey] input[name=faultDescription]", "政策规定的办理时限，非服务问题");
        await quality.ClickAsync("#detail form[data-step=survey] button");
        await Assertions.Expect(quality.Locator("#detail")).ToContainTextAsync("不满意");
        await Assertions.Expect(quality.Locator("#detail .timeline")).ToContainTextAsync("提请复核");
        await BrowserSession.Shoot(quality, "follow-up-review-requested");

        var supervisor = await browser.SignIn(host, "supervisor");
        await supervisor.GotoAsync($"/workorders.html?order={orderId}-f");
        await supervisor.CheckAsync("#detail form[data-step=review] input[name=serviceFault][value=no]");
        await supervisor.FillAsync("#detail form[data-step=review] input[name=note]", "同意：属政策原因");
        await supervisor.ClickAsync("#detail form[data-step=review] button");
        await Assertions.Expect(supervisor.Locator("#detail .pill")).ToContainTextAsync("已办结");

        await desk.GotoAsync("/workorders.html");
        await Assertions.Expect(desk.Locator($"#inbox [data-order='{orderId}']")).ToHaveCountAsync(0); // closed: out of the open inbox
        await desk.FillAsync("#month", DutyScenario.LocalNow.ToString("yyyy-MM"));
        await Assertions.Expect(desk.Locator($"#inbox [data-order='{orderId}']")).ToContainTextAsync("已办结"); // and in the month's history
    }

    [Fact]
    public async Task Service_supervision_judges_a_complaint_with_a_cause_and_a_corrective_action_verifies_it_and_the_report_counts_the_cause()
    {
        var admin = await host.As("admin");
        await admin.PutAsJsonAsync("/api/v1/work-orders/departments/svc", new { name = "纳税服务科", liaison = "liaison1", head = "head1" }).Ok();
        var complaint = (await (await host.As("agent3")).PostAsJsonAsync("/api/v1/work-orders", new
        {
            kind = "ServiceComplaint", department = "svc", severity = "General", question = "坐席说话不耐烦", against = "agent2", taxpayer = new { phone = "13900007777" },
        }).Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");

        var page = await browser.SignIn(host, "quality2");
        await page.GotoAsync($"/workorders.html?order={complaint}");
        var form = page.Locator("#detail form[data-step=resolve]");
        await form.Locator("input[name=valid]").CheckAsync();
        await form.Locator("textarea[name=resolution]").FillAsync("录音属实，已向纳税人致歉");
        await form.Locator("button.go").ClickAsync();
        await Assertions.Expect(form.Locator(".field-error").First).ToBeVisibleAsync(); // a valid complaint needs its cause and actions
        await form.Locator("input[name=apology]").CheckAsync();
        await form.Locator("select[name=cause]").SelectOptionAsync("attitude");
        var action = form.Locator(".action-row").First;
        await action.Locator("input[name=actionDescription]").FillAsync("服务用语专项培训");
        await action.Locator("input[name=actionOwner]").FillAsync("supervisor");
        await action.Locator("input[name=actionDue]").FillAsync(DutyScenario.LocalNow.AddDays(7).ToString("yyyy-MM-dd"));
        await form.Locator("button.go").ClickAsync();
        await Assertions.Expect(page.Locator("#detail .timeline")).ToContainTextAsync("认定成立");
        await BrowserSession.Shoot(page, "complaint-corrective-action");

        await page.FillAsync("#detail form[data-step='actions/1/verify'] input[name=note]", "培训签到表已核对");
        await page.ClickAsync("#detail form[data-step='actions/1/verify'] button");
        await Assertions.Expect(page.Locator("#detail .pill")).ToContainTextAsync("已办结");
        await Assertions.Expect(page.Locator("#detail .timeline")).ToContainTextAsync("整改核查");

        var report = await browser.SignIn(host, "supervisor");
        await report.GotoAsync("/report.html");
        await Assertions.Expect(report.Locator("#by-cause tr[data-cause=attitude]")).ToContainTextAsync("服务态度");
    }

    [Fact]
    public async Task A_slow_answer_for_an_earlier_filter_does_not_overwrite_the_list_for_the_filter_chosen_after_it()
    {
        var order = (await (await host.As("agent2")).PostAsJsonAsync("/api/v1/work-orders", new { kind = "FollowUp", question = "办税后回访", taxpayer = new { phone = "13900006666" } })
            .Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");
        var page = await browser.SignIn(host, "supervisor");
        await page.GotoAsync("/workorders.html");
        await Assertions.Expect(page.Locator("#live")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("live"));
        await Assertions.Expect(page.Locator($"#inbox [data-order='{order}']")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#kind", "TaxReport");
        await Assertions.Expect(page.Locator("#inbox .empty")).ToHaveTextAsync("没有待办工单");

        // "All kinds" is chosen and then "tax report" again; the network delivers the answer for "all kinds" last.
        var filteredDelivered = new TaskCompletionSource();
        var lateDelivered = new TaskCompletionSource();
        await page.RouteAsync(url => new Uri(url).AbsolutePath == "/api/v1/work-orders", async route =>
        {
            var response = await route.FetchAsync();
            if (route.Request.Url.Contains("kind="))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Response = response });
                filteredDelivered.TrySetResult();
                return;
            }
            await filteredDelivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await route.FulfillAsync(new RouteFulfillOptions { Response = response });
            lateDelivered.TrySetResult();
        });
        await page.RunAndWaitForRequestAsync(() => page.SelectOptionAsync("#kind", ""), request => !request.Url.Contains("kind="));
        await page.SelectOptionAsync("#kind", "TaxReport");
        await lateDelivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await page.EvaluateAsync("() => fetch('/api/v1/auth/me').then(r => r.json())"); // the page has had its turn with the late answer

        await Assertions.Expect(page.Locator($"#inbox [data-order='{order}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#inbox .empty")).ToHaveTextAsync("没有待办工单");
    }

    [Fact]
    public async Task The_monthly_satisfaction_report_shows_a_survey_from_this_month_and_links_its_csv()
    {
        var agent = await host.As("agent2");
        var followUp = (await agent.PostAsJsonAsync("/api/v1/work-orders", new { kind = "FollowUp", question = "上门辅导后回访", taxpayer = new { phone = "13900005555" } })
            .Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");
        await (await host.As("quality2")).PostAsJsonAsync($"/api/v1/work-orders/{followUp}/survey", new { satisfaction = "VerySatisfied" }).Ok();

        var page = await browser.SignIn(host, "supervisor");
        await page.GotoAsync("/report.html");
        await Assertions.Expect(page.Locator("#satisfied-rate")).ToHaveTextAsync("100%");
        await Assertions.Expect(page.Locator("#distribution .bar-row")).ToHaveCountAsync(5);
        Assert.StartsWith("/api/v1/work-orders/reports/satisfaction.csv?month=", await page.Locator("#csv").GetAttributeAsync("href"));
        await BrowserSession.Shoot(page, "satisfaction-report");
    }

    [Fact]
    public async Task A_supervisor_approves_an_answered_questions_draft_in_the_knowledge_editor_and_finds_it_by_a_Chinese_search()
    {
        var admin = await host.As("admin");
        await admin.PutAsJsonAsync("/api/v1/work-orders/departments/tax", new { name = "纳税服务科", liaison = "liaison1", handlers = new[] { "handler1" } }).Ok();
        var id = (await (await host.As("agent1")).PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = "tax", question = "个体户核定征收怎么申请？" })
            .Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");
        await (await host.As("liaison1")).PostAsJsonAsync($"/api/v1/work-orders/{id}/answer", new { answer = "向主管税务机关提交定期定额核定申请。" }).Ok();

        var page = await browser.SignIn(host, "supervisor");
        await page.GotoAsync("/knowledge.html");
        var draft = page.Locator($"#drafts [data-entry='kb-{id}']");
        await Assertions.Expect(draft).ToContainTextAsync("个体户核定征收怎么申请");
        await draft.ClickAsync();
        await Assertions.Expect(page.Locator("#entry textarea[name=answer]")).ToHaveValueAsync("向主管税务机关提交定期定额核定申请。");
        await Assertions.Expect(page.Locator($"#versions a[href*='{id}']")).ToHaveCountAsync(1); // back to the order it came from
        await page.ClickAsync("#approve");
        await Assertions.Expect(page.Locator("#versions")).ToContainTextAsync("v1 · liaison1 → supervisor");
        await Assertions.Expect(draft).ToHaveCountAsync(0);

        await page.FillAsync("#query", "核定征收");
        await Assertions.Expect(page.Locator($"#hits [data-entry='kb-{id}']")).ToBeVisibleAsync();
        await BrowserSession.Shoot(page, "knowledge-editor");
    }
}
