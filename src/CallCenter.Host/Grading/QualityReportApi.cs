using System.Globalization;
using System.Security.Claims;
using System.Text;
using CallCenter.Grading;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>An agent's own evaluations, and the monthly quality reports per agent and per question (also as CSV).</summary>
public static class QualityReportApi
{
    /// <summary><paramref name="Result"/> is "Vetoed" when a valid service complaint named the agent this month (一票否决), whatever the scores.</summary>
    public sealed record AgentRow(string Agent, int Evaluations, decimal? Average, decimal? Lowest, int CriticalFails, int Vetoes, string Result);

    public sealed record TeamRow(string Team, int Agents, int Evaluations, decimal Average, int CriticalFails);

    public sealed record QuestionRow(string QuestionId, int Answered, decimal AveragePercent);

    public static RouteGroupBuilder MapQualityReports(this RouteGroupBuilder group)
    {
        group.MapGet("/mine", Mine).RequireAuthorization(Policies.CallReading);
        group.MapGet("/mine/vetoes", async (ClaimsPrincipal user, IQualityRecords quality, CallCenterClock clock) =>
            TypedResults.Ok((await quality.Vetoes(clock.Month(null)))
                .Where(v => v.Person == user.Identity!.Name).ToArray())).RequireAuthorization(Policies.CallReading);
        group.MapGet("/reports/agents", async (string? month, IQualityRecords quality, CallCenterClock clock) => TypedResults.Ok(await Agents(month, quality, clock)))
            .RequireAuthorization(Policies.Grading);
        group.MapGet("/reports/agents.csv", AgentsCsv).RequireAuthorization(Policies.Grading);
        group.MapGet("/reports/teams", async (string? month, IQualityRecords quality, CallCenterClock clock) => TypedResults.Ok(Teams(await quality.Month(clock.Month(month)))))
            .RequireAuthorization(Policies.Grading);
        group.MapGet("/reports/questions", async (string? month, IQualityRecords quality, CallCenterClock clock) => TypedResults.Ok(Questions(await quality.Month(clock.Month(month)))))
            .RequireAuthorization(Policies.Grading);
        return group;
    }

    /// <summary>The signed-in person's submitted evaluations, newest first (drafts stay with their grader); <c>/mine/vetoes</c>: this month's valid complaints against them.</summary>
    private static async Task<Ok<EvaluationView[]>> Mine(ClaimsPrincipal user, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IAgentQualityGrain>(user.Identity!.Name!).Evaluations();
        return TypedResults.Ok(await Task.WhenAll(ids.Take(100).Select(id => grains.GetGrain<IEvaluationGrain>(id).Get())));
    }

    private static async Task<IResult> AgentsCsv(string? month, IQualityRecords quality, CallCenterClock clock)
    {
        var csv = new StringBuilder("agent,evaluations,average,lowest,critical_fails,vetoes,result\r\n");
        foreach (var row in await Agents(month, quality, clock))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Csv.Field(row.Agent)},{row.Evaluations},{row.Average},{row.Lowest},{row.CriticalFails},{row.Vetoes},{row.Result}\r\n");
        }

        return Csv.File(csv, $"quality-{month ?? "this-month"}.csv");
    }

    /// <summary>Every agent scored or vetoed in the month.</summary>
    private static async Task<AgentRow[]> Agents(string? month, IQualityRecords quality, CallCenterClock clock)
    {
        var key = clock.Month(month);
        var evaluations = await quality.Month(key);
        var vetoes = await quality.Vetoes(key);
        return [.. evaluations.Select(e => e.Agent).Concat(vetoes.Select(v => v.Person)).Distinct().Order(StringComparer.Ordinal).Select(agent =>
        {
            var scored = evaluations.Where(e => e.Agent == agent).ToArray();
            var vetoed = vetoes.Count(v => v.Person == agent);
            return new AgentRow(agent, scored.Length, scored.Length == 0 ? null : Figures.Round(scored.Average(e => e.Total)),
                scored.Length == 0 ? null : scored.Min(e => e.Total), scored.Count(e => e.CriticalFailed), vetoed, vetoed > 0 ? "Vetoed" : "Scored");
        })];
    }

    /// <summary>Per team (the department of the seat that took each call).</summary>
    private static TeamRow[] Teams(IReadOnlyList<ScoredEvaluation> month) =>
        [.. month.GroupBy(e => e.Team ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new TeamRow(
            g.Key, g.Select(e => e.Agent).Distinct().Count(), g.Count(), Figures.Round(g.Average(e => e.Total)), g.Count(e => e.CriticalFailed)))];

    private static QuestionRow[] Questions(IReadOnlyList<ScoredEvaluation> month) =>
        [.. month.SelectMany(e => e.QuestionPercent).Where(q => q.Value is not null).GroupBy(q => q.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new QuestionRow(g.Key, g.Count(), Figures.Round(g.Average(q => q.Value!.Value))))];
}
