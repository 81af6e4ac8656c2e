using System.Security.Claims;
using CallCenter.Grading;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>Which recorded calls get graded: each recording joins its week's index; a draw assigns evaluations.</summary>
public static class Sample
{
    public sealed record SampleRequest(string? Week, int? PerAgent, bool? EachQueue, double? OverSampleFactor, int? Seed, List<string>? Graders, string? FormId, int? DueWorkingDays);

    public sealed record GraderView(string UserName, string? DisplayName);

    public sealed record SampleResult(string Week, int Candidates, IReadOnlyList<Assignment> Assignments, DateTimeOffset Due);

    /// <summary>Adds a recorded call to its week, with the agent who took it and what the analytics flagged.</summary>
    public static async Task Index(IRecordedCalls recorded, CallCenterClock clock, CallSnapshot call, Audio.Analysis.TalkAnalytics analytics)
    {
        if (call.Agent is not { } agent)
        {
            return;
        }

        var deadAir = analytics.DeadAir.Select(d => d.End - d.Start).DefaultIfEmpty(0).Max();
        var overTalk = (analytics.OverTalk ?? []).Sum(s => s.End - s.Start);
        await recorded.Add(new RecordedCall(call.CallId, agent, call.Queue, clock.Now, deadAir, overTalk), clock.Today);
    }

    public static RouteGroupBuilder MapSampling(this RouteGroupBuilder group)
    {
        group.MapPost("/samples", Draw).RequireAuthorization(Policies.Supervision);
        group.MapGet("/graders", async (Identity.UserAdministration users) =>
            TypedResults.Ok((await users.InRole(Roles.Grader)).Select(u => new GraderView(u.UserName, u.DisplayName)).ToArray()))
            .RequireAuthorization(Policies.Supervision);
        group.MapGet("/queue", async (ClaimsPrincipal user, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IGraderQueueGrain>(user.Identity!.Name!).List())).RequireAuthorization(Policies.Grading);
        return group;
    }

    /// <summary>Draws a week's sample and starts one evaluation per drawn call for its grader, due N working days from now.</summary>
    private static async Task<Results<Ok<SampleResult>, ValidationProblem>> Draw(
        SampleRequest request, IGrainFactory grains, IRecordedCalls recorded, CallCenterClock clock, UserAdministration users)
    {
        var week = request.Week ?? IRecordedCalls.WeekOf(clock.Today);
        var check = new Validation()
            .Require("week", System.Text.RegularExpressions.Regex.IsMatch(week, @"\A[0-9]{4}-W[0-9]{2}\z"), "'week' is an ISO week such as 2026-W48.")
            .Range("perAgent", request.PerAgent, 1, 100)
            .Range("dueWorkingDays", request.DueWorkingDays, 0, 30)
            .Require("graders", request.Graders is { Count: > 0 and <= 100 } && request.Graders.All(Validation.IsId), "'graders' lists the graders' user names.");
        if (check.IsValid)
        {
            var graders = (await users.InRole(Roles.Grader)).Select(u => u.UserName).ToHashSet();
            var unknown = request.Graders!.Where(g => !graders.Contains(g)).ToList();
            check.Require("graders", unknown.Count == 0, $"Not graders (or disabled): {string.Join(", ", unknown)}.");
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var rule = new SamplingRule(request.PerAgent ?? 2, request.EachQueue ?? true, request.OverSampleFactor ?? 3, request.Seed ?? 0);
        var candidates = await recorded.Week(week);
        var assignments = Sampler.Draw(candidates, rule, request.Graders!);
        var due = (await grains.GetGrain<CallCenter.Calendar.ICalendarGrain>(CalendarApi.Region).EndOfWorkingDay(clock.Now, request.DueWorkingDays ?? 5)).At;
        foreach (var a in assignments)
        {
            await grains.GetGrain<IEvaluationGrain>($"{a.CallId}.{a.Grader}").Start(a.CallId, a.Agent, a.Grader, request.FormId ?? GradingApi.DefaultForm, due);
        }

        return TypedResults.Ok(new SampleResult(week, candidates.Count, assignments, due));
    }
}
