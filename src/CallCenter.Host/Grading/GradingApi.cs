using System.Security.Claims;
using CallCenter.Grading;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>Scorecard forms and evaluations of recorded calls.</summary>
public static class GradingApi
{
    public const string DefaultForm = "12366";

    public sealed record QuestionRequest(string? Id, string? Text, QuestionKind? Kind, int? MaxPoints, bool? AllowNotApplicable, int? CommentRequiredBelow, CriticalScope? Critical);

    public sealed record SectionRequest(string? Id, string? Name, decimal? Weight, List<QuestionRequest>? Questions);

    public sealed record FormRequest(string? Name, List<SectionRequest>? Sections);

    /// <summary>
    /// A grader opens an evaluation sampling or calibration assigned them; a supervisor may assign one explicitly, to
    /// themselves or to <paramref name="Grader"/>. The evaluated agent is always the one who took the call;
    /// <paramref name="Agent"/>, if sent, must name them.
    /// </summary>
    public sealed record StartRequest(string? CallId, string? Agent, string? FormId, string? Grader);

    public sealed record AnswersRequest(List<Answer>? Answers);

    public sealed record DisputeRequest(string? Reason);

    public sealed record ReviewRequest(string? Decision, List<Answer>? Answers, string? Note);

    public static RouteGroupBuilder MapGradingApi(this RouteGroupBuilder group)
    {
        group.WithTags("Grading");
        group.MapPut("/forms/{formId}", Publish).RequireAuthorization(Policies.Administration);
        group.MapGet("/forms/{formId}", (string formId, int? version, IGrainFactory grains) => Form(grains, formId).Get(version)).RequireAuthorization(Policies.CallReading);
        group.MapPost("/evaluations", Start).RequireAuthorization(Policies.Grading);
        var evaluation = group.MapGroup("/evaluations/{evaluationId}");
        evaluation.MapGet("", Get).RequireAuthorization(Policies.CallReading);
        evaluation.MapPut("/answers", Answer).RequireAuthorization(Policies.Grading);
        evaluation.MapPost("/submit", (string evaluationId, ClaimsPrincipal user, IGrainFactory grains) => Evaluation(grains, evaluationId).Submit(Name(user)))
            .RequireAuthorization(Policies.Grading);
        evaluation.MapPost("/acknowledge", (string evaluationId, ClaimsPrincipal user, IGrainFactory grains) => Evaluation(grains, evaluationId).Acknowledge(Name(user)))
            .RequireAuthorization(Policies.CallReading);
        evaluation.MapPost("/dispute", Dispute).RequireAuthorization(Policies.CallReading);
        evaluation.MapPost("/review", Review).RequireAuthorization(Policies.Grading);
        return group;
    }

    private static async Task<Results<Ok<ScorecardForm>, ValidationProblem>> Publish(string formId, FormRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Id("formId", formId).Text("name", request.Name, 100).Require("sections", request.Sections is { Count: > 0 }, "'sections' is required.");
        var questions = (request.Sections ?? []).SelectMany(s => s.Questions ?? []).ToList();
        check.Require("sections", questions.All(q => q.Kind is not null && q.MaxPoints is not null), "Each question needs a 'kind' (Scale or YesNo) and 'maxPoints'.")
            .Require("sections", (request.Sections ?? []).All(s => s.Weight is not null), "Each section needs a 'weight'.");
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var sections = request.Sections!.Select(s => new FormSection(s.Id ?? "", s.Name ?? "", s.Weight!.Value, (s.Questions ?? []).Select(q => new FormQuestion(
            q.Id ?? "", q.Text ?? "", q.Kind!.Value, q.MaxPoints!.Value, q.AllowNotApplicable ?? false, q.CommentRequiredBelow, q.Critical ?? CriticalScope.None)).ToArray())).ToArray();
        return TypedResults.Ok(await Form(grains, formId).Publish(request.Name!.Trim(), sections, Name(user)));
    }

    private static async Task<IResult> Start(StartRequest request, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation().Id("callId", request.CallId);
        if (request.FormId is not null)
        {
            check.Id("formId", request.FormId);
        }

        if (request.Agent is not null)
        {
            check.Id("agent", request.Agent);
        }

        if (request.Grader is not null)
        {
            check.Id("grader", request.Grader);
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var grader = request.Grader ?? Name(user);
        var id = $"{request.CallId}.{grader}";
        if (!user.MaySupervise())
        {
            // Graders never pick their own calls: only what sampling or calibration assigned them opens.
            return grader == Name(user) && await Recording.CallAccess.Assignment(user, request.CallId!, grains) is { } assigned
                ? TypedResults.Ok(assigned)
                : Recording.CallAccess.Refused(request.CallId!);
        }

        var call = await grains.GetGrain<ICallGrain>(request.CallId!).Get();
        if (AgentToScore(call, request.Agent, check) is not { } agent)
        {
            return check.Problem();
        }

        var live = grader == Name(user) && call.State is CallState.Connected or CallState.Held;
        var view = await Evaluation(grains, id).Start(call.CallId, agent, grader, request.FormId ?? DefaultForm, live: live);
        await Reporting.Audit.Record(grains, clock, Name(user), "evaluation-assign", $"call:{call.CallId}", $"grader={grader}; agent={agent}");
        return TypedResults.Ok(view);
    }

    /// <summary>Graders, supervisors and administrators see any evaluation; an agent only their own.</summary>
    private static async Task<Results<Ok<EvaluationView>, ForbidHttpResult>> Get(string evaluationId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var view = await Evaluation(grains, evaluationId).Get();
        var allowed = user.MaySupervise() || (view.Agent == Name(user) && view.Status != EvaluationStatus.Draft)
            || (user.IsInRole(Roles.Grader) && !await CalibrationApi.Blind(user, view, grains));
        return allowed ? TypedResults.Ok(view) : TypedResults.Forbid();
    }

    private static async Task<Results<Ok<EvaluationView>, ValidationProblem>> Answer(string evaluationId, AnswersRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Require("answers", request.Answers is { Count: <= 200 } && request.Answers.All(a => a?.QuestionId is not null), "'answers' is a list of {questionId, points, notApplicable, comment}.");
        return check.IsValid ? TypedResults.Ok(await Evaluation(grains, evaluationId).Answer(Name(user), request.Answers!)) : check.Problem();
    }

    private static async Task<Results<Ok<EvaluationView>, ValidationProblem>> Dispute(string evaluationId, DisputeRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Text("reason", request.Reason, 1000);
        return check.IsValid ? TypedResults.Ok(await Evaluation(grains, evaluationId).Dispute(Name(user), request.Reason!.Trim())) : check.Problem();
    }

    private static async Task<Results<Ok<EvaluationView>, ValidationProblem>> Review(string evaluationId, ReviewRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Require("decision", request.Decision is "uphold" or "revise", "'decision' is \"uphold\" or \"revise\".")
            .Require("answers", request.Decision != "revise" || request.Answers is { Count: > 0 }, "A revision needs the new 'answers'.")
            .Text("note", request.Note, 1000);
        return check.IsValid
            ? TypedResults.Ok(await Evaluation(grains, evaluationId).Review(Name(user), request.Decision == "revise" ? request.Answers : null, request.Note!.Trim()))
            : check.Problem();
    }

    /// <summary>
    /// The agent an evaluation or calibration of the call scores: always the one who took it. Null, with the reason in
    /// <paramref name="check"/>, when nobody took the call or the caller named someone else.
    /// </summary>
    internal static string? AgentToScore(CallSnapshot call, string? named, Validation check)
    {
        check.Require("callId", call.Agent is not null, $"Call '{call.CallId}' was never answered by an agent: there is no one to evaluate.")
            .Require("agent", named is null || call.Agent is null || named == call.Agent, $"Call '{call.CallId}' was taken by '{call.Agent}', not '{named}'.");
        return check.IsValid ? call.Agent : null;
    }

    private static string Name(ClaimsPrincipal user) => user.Identity!.Name!;

    private static IScorecardFormGrain Form(IGrainFactory grains, string formId) =>
        Validation.IsId(formId) ? grains.GetGrain<IScorecardFormGrain>(formId) : throw new DomainValidationException("formId", "A form id is 1–64 letters, digits, '.', '_', ':' or '-'.");

    private static IEvaluationGrain Evaluation(IGrainFactory grains, string evaluationId) =>
        Validation.IsId(evaluationId) ? grains.GetGrain<IEvaluationGrain>(evaluationId) : throw new DomainValidationException("evaluationId", "An evaluation id is 1–64 letters, digits, '.', '_', ':' or '-'.");
}
