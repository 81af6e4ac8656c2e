using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using CallCenter.Host.Hosting;
using CallCenter.WorkOrders;

namespace CallCenter.Host;

/// <summary>The steps of an order's flow; the order grain decides who may take each one and when.</summary>
public static class WorkOrderSteps
{
    public sealed record AssignRequest(string? Handler);

    public sealed record TransferRequest(string? Department, string? Reason);

    public sealed record AnswerRequest(string? Answer, List<string>? PolicyReferences);

    public sealed record ActionRequest(string? Description, string? Owner, DateOnly? Due);

    public sealed record ResolveRequest(bool? Valid, string? AtFault, string? Resolution, bool? Apology = null, string? Cause = null, List<ActionRequest?>? Actions = null);

    public sealed record ReplyRequest(string? Note);

    public sealed record SurveyRequest(Satisfaction? Satisfaction, string? Reason, bool? ServiceFault, string? FaultDescription, string? AtFault, string? Cause = null, bool? Unsolved = null);

    public sealed record ReviewRequest(bool? ServiceFault, string? Note, string? AtFault);

    public sealed record CommentRequest(string? Text);

    public sealed record GuidanceRequest(int? Minutes, string? Note);

    public sealed record NoteRequest(string? Note);

    public static RouteGroupBuilder MapWorkOrderSteps(this RouteGroupBuilder group)
    {
        group.MapPost("/{orderId}/assign", (string orderId, AssignRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Id("handler", r.Handler), (o, by) => o.Assign(r.Handler!, by)));
        group.MapPost("/{orderId}/transfer", (string orderId, TransferRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Id("department", r.Department).Text("reason", r.Reason, 500),
                (o, by) => o.Transfer(r.Department!, r.Reason!.Trim(), by)));
        group.MapPost("/{orderId}/answer", (string orderId, AnswerRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Text("answer", r.Answer, 8000)
                    .Texts("policyReferences", r.PolicyReferences, 20, 300, "policy references"),
                (o, by) => o.Answer(r.Answer!.Trim(), r.PolicyReferences ?? [], by)));
        group.MapPost("/{orderId}/resolve", async (string orderId, ResolveRequest r, ClaimsPrincipal user, IGrainFactory grains, UserManager<IdentityUser> users, CallCenterClock clock) =>
        {
            var actions = r.Actions ?? [];
            var check = new Validation().Require("valid", r.Valid is not null, "Say whether the complaint is valid.")
                .Text("resolution", r.Resolution, 4000).Text("atFault", r.AtFault, 64, required: false)
                .Require("apology", r.Valid != true || r.Apology is not null, "Say whether the taxpayer received an apology.", "required")
                .Require("actions", actions.Count <= 20, "At most 20 corrective actions.");
            await check.KnownUser("atFault", r.AtFault, users);
            await KnownCause(check, "cause", r.Cause, grains);
            foreach (var (action, i) in actions.Select((a, i) => (a, i)))
            {
                check.Text($"actions[{i}].description", action?.Description, 1000)
                    .Require($"actions[{i}].due", action?.Due is { } due && due >= clock.Today, "A corrective action is due today or later.", "required");
                await check.KnownUser($"actions[{i}].owner", action?.Owner ?? "", users);
                check.Require($"actions[{i}].owner", !string.IsNullOrWhiteSpace(action?.Owner), "Every corrective action has an owner.", "required");
            }

            return await Step(orderId, user, grains, check, (o, by) => o.Resolve(new ComplaintFinding(r.Valid!.Value, Validation.Trimmed(r.AtFault), r.Resolution!.Trim(),
                r.Apology ?? false, Validation.Trimmed(r.Cause), [.. actions.Select(a => new CorrectiveAction(a!.Description!.Trim(), a.Owner!.Trim(), a.Due!.Value))]), by));
        });
        group.MapPost("/{orderId}/actions/{number:int}/verify", (string orderId, int number, ReplyRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Text("note", r.Note, 2000), (o, by) => o.ActionVerified(number, r.Note!.Trim(), by)));
        group.MapPost("/{orderId}/reply", (string orderId, ReplyRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Text("note", r.Note, 2000), (o, by) => o.Replied(r.Note!.Trim(), by)));
        group.MapPost("/{orderId}/survey", async (string orderId, SurveyRequest r, ClaimsPrincipal user, IGrainFactory grains, UserManager<IdentityUser> users) =>
        {
            // A dissatisfied taxpayer needs a decision: was it a service fault (a complaint) or not (a supervisor reviews why not)?
            var unhappy = r.Satisfaction is Satisfaction.Dissatisfied or Satisfaction.VeryDissatisfied;
            var check = new Validation()
                .Require("satisfaction", r.Satisfaction is not null, "'satisfaction' is VerySatisfied, Satisfied, Neutral, Dissatisfied or VeryDissatisfied.")
                .Text("reason", r.Reason, 1000, required: unhappy)
                .Require("serviceFault", !unhappy || r.ServiceFault is not null, "A dissatisfied taxpayer needs a decision: was it a service fault (true) or not (false)?", "required")
                .Text("faultDescription", r.FaultDescription, 1000, required: r.ServiceFault == true || unhappy)
                .Text("atFault", r.AtFault, 64, required: false);
            await KnownCause(check, "cause", r.Cause, grains);
            return await Step(orderId, user, grains, await check.KnownUser("atFault", r.AtFault, users),
                (o, by) => o.Surveyed(new Survey(r.Satisfaction!.Value, Validation.Trimmed(r.Reason), r.ServiceFault ?? false, Validation.Trimmed(r.FaultDescription),
                    Validation.Trimmed(r.AtFault), by.Name, default, Validation.Trimmed(r.Cause), r.Unsolved ?? false), by));
        });
        group.MapPost("/{orderId}/review", async (string orderId, ReviewRequest r, ClaimsPrincipal user, IGrainFactory grains, UserManager<IdentityUser> users) =>
            await Step(orderId, user, grains, await new Validation()
                    .Require("serviceFault", r.ServiceFault is not null, "Say whether the review found a service fault.", "required")
                    .Text("note", r.Note, 2000).Text("atFault", r.AtFault, 64, required: false).KnownUser("atFault", r.AtFault, users),
                (o, by) => o.Reviewed(r.ServiceFault!.Value, r.Note!.Trim(), Validation.Trimmed(r.AtFault), by)));
        group.MapPost("/{orderId}/guidance", (string orderId, GuidanceRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Require("minutes", r.Minutes is not null, "How many minutes of guidance were given?", "required").Range("minutes", r.Minutes, 1, 600).Text("note", r.Note, 2000),
                (o, by) => o.Guided(r.Minutes!.Value, r.Note!.Trim(), by)));
        group.MapPost("/{orderId}/fixed", (string orderId, NoteRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Text("note", r.Note, 2000), (o, by) => o.Fixed(r.Note!.Trim(), by)));
        group.MapPost("/{orderId}/visit-record", (string orderId, NoteRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Text("note", r.Note, 4000), (o, by) => o.VisitRecorded(r.Note!.Trim(), by)));
        group.MapPost("/{orderId}/comments", (string orderId, CommentRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Text("text", r.Text, 2000), (o, by) => o.Comment(r.Text!.Trim(), by)));
        return group;
    }

    /// <summary>A cause must be one of the managed list's (the monthly report groups by it).</summary>
    private static async Task KnownCause(Validation check, string field, string? cause, IGrainFactory grains)
    {
        if (!string.IsNullOrWhiteSpace(cause))
        {
            var causes = await grains.GetGrain<IWorkDirectoryGrain>(0).Causes();
            check.Require(field, causes.Any(c => c.Id == cause.Trim()), $"'{cause}' is not one of the causes: {string.Join(", ", causes.Select(c => c.Id))}.", "undefined");
        }
    }

    private static async Task<IResult> Step(string orderId, ClaimsPrincipal user, IGrainFactory grains, Validation check,
        Func<IWorkOrderGrain, Actor, Task<WorkOrderView>> step)
    {
        if (!check.IsValid)
        {
            return check.Problem();
        }

        await WorkOrdersApi.Visible(orderId, user, grains, acting: true);
        return TypedResults.Ok(WorkOrderAccess.Masked(user, await step(WorkOrdersApi.Grain(grains, orderId), user.Actor())));
    }
}
