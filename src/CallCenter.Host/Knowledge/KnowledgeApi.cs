using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.Knowledge;

namespace CallCenter.Host;

/// <summary>The knowledge base: drafts, approval by someone else, versions, and Chinese full-text search for the desktop.</summary>
public static class KnowledgeApi
{
    public sealed record EntryRequest(string? Question, string? Answer, List<string>? PolicyReferences, DateOnly? ValidFrom, DateOnly? ValidTo,
        List<string>? Tags, string? Department, List<string>? SourceOrders);

    public static RouteGroupBuilder MapKnowledgeApi(this RouteGroupBuilder group)
    {
        group.WithTags("Knowledge");
        group.MapGet("/search", Search).RequireAuthorization(Policies.Staff);
        group.MapGet("/drafts", (IGrainFactory grains) => grains.GetGrain<IKnowledgeIndexGrain>(0).Drafts()).RequireAuthorization(Policies.KnowledgeWriting);
        group.MapGet("/entries/{entryId}", (string entryId, IGrainFactory grains) => Entry(grains, entryId).Get()).RequireAuthorization(Policies.Staff);
        group.MapPost("/entries", (EntryRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
            Draft("kb-" + Guid.NewGuid().ToString("N")[..10], request, user, grains)).RequireAuthorization(Policies.KnowledgeWriting);
        group.MapPut("/entries/{entryId}", (string entryId, EntryRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
            Draft(entryId, request, user, grains)).RequireAuthorization(Policies.KnowledgeWriting);
        group.MapPost("/entries/{entryId}/approve", (string entryId, ClaimsPrincipal user, IGrainFactory grains) =>
            Entry(grains, entryId).Approve(user.Identity!.Name!)).RequireAuthorization(Policies.Supervision);
        return group;
    }

    private static async Task<Results<Ok<KnowledgeEntry>, ValidationProblem>> Draft(string entryId, EntryRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Text("question", request.Question, 500)
            .Text("answer", request.Answer, 8000)
            .Text("department", request.Department, 100, required: false)
            .Texts("policyReferences", request.PolicyReferences, 20, 300, "policy references")
            .Texts("tags", request.Tags, 20, 50, "tags")
            .Require("sourceOrders", (request.SourceOrders ?? []).All(Validation.IsId), "Work-order ids only.");
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var content = new KnowledgeContent(request.Question!.Trim(), request.Answer!.Trim(), request.PolicyReferences ?? [], request.ValidFrom, request.ValidTo,
            request.Tags ?? [], Validation.Trimmed(request.Department), request.SourceOrders ?? []);
        return TypedResults.Ok(await Entry(grains, entryId).SaveDraft(content, user.Identity!.Name!));
    }

    /// <summary>Current, valid entries ranked by match; <c>department</c> keeps that department's entries and the general ones.</summary>
    private static async Task<Results<Ok<IReadOnlyList<KnowledgeHit>>, ValidationProblem>> Search(string? q, string? department, int? limit, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation().Text("q", q, 200).Range("limit", limit, 1, 50);
        return check.IsValid
            ? TypedResults.Ok(await grains.GetGrain<IKnowledgeIndexGrain>(0).Search(q!, clock.Today, string.IsNullOrWhiteSpace(department) ? null : department, limit ?? 10))
            : check.Problem();
    }

    private static IKnowledgeEntryGrain Entry(IGrainFactory grains, string entryId) =>
        Validation.IsId(entryId) ? grains.GetGrain<IKnowledgeEntryGrain>(entryId) : throw new DomainValidationException("entryId", "An entry id is 1–64 letters, digits, '.', '_', ':' or '-'.");
}
