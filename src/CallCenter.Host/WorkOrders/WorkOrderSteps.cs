using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.WorkOrders;

namespace CallCenter.Host;

/// <summary>The steps of an order's flow; the order grain decides who may take each one and when.</summary>
public static class WorkOrderSteps
{
    public sealed record AssignRequest(string? Handler);

    public sealed record TransferRequest(string? Department, string? Reason);

    public sealed record AnswerRequest(string? Answer, List<string>? PolicyReferences);

    public sealed record ResolveRequest(bool? Valid, string? AtFault, string? Resolution);

    public sealed record ReplyRequest(string? Note);

    public sealed record SurveyRequest(Satisfaction? Satisfaction, string? Reason, bool? ServiceFault, string? FaultDescription, string? AtFault);

    public sealed record CommentRequest(string? Text);

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
        group.MapPost("/{orderId}/resolve", (string orderId, ResolveRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Require("valid", r.Valid is not null, "Say whether the complaint is valid.")
                    .Text("resolution", r.Resolution, 4000).Text("atFault", r.AtFault, 64, required: false),
                (o, by) => o.Resolve(new ComplaintFinding(r.Valid!.Value, Validation.Trimmed(r.AtFault), r.Resolution!.Trim()), by)));
        group.MapPost("/{orderId}/reply", (string orderId, ReplyRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Text("note", r.Note, 2000), (o, by) => o.Replied(r.Note!.Trim(), by)));
        group.MapPost("/{orderId}/survey", (string orderId, SurveyRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation()
                    .Require("satisfaction", r.Satisfaction is not null, "'satisfaction' is VerySatisfied, Satisfied, Neutral, Dissatisfied or VeryDissatisfied.")
                    .Text("reason", r.Reason, 1000, required: r.Satisfaction is Satisfaction.Dissatisfied or Satisfaction.VeryDissatisfied)
                    .Text("faultDescription", r.FaultDescription, 1000, required: r.ServiceFault == true)
                    .Text("atFault", r.AtFault, 64, required: false),
                (o, by) => o.Surveyed(new Survey(r.Satisfaction!.Value, Validation.Trimmed(r.Reason), r.ServiceFault ?? false, Validation.Trimmed(r.FaultDescription), Validation.Trimmed(r.AtFault), by.Name, default), by)));
        group.MapPost("/{orderId}/comments", (string orderId, CommentRequest r, ClaimsPrincipal user, IGrainFactory grains) =>
            Step(orderId, user, grains, new Validation().Text("text", r.Text, 2000), (o, by) => o.Comment(r.Text!.Trim(), by)));
        return group;
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
