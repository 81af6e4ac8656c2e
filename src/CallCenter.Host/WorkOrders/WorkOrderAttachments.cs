using System.Security.Claims;
using CallCenter.Host.Identity;
using CallCenter.WorkOrders;

namespace CallCenter.Host;

/// <summary>Attachments of an order (a tax report's evidence): only those who may see the order get them, and every download is audited.</summary>
public static class WorkOrderAttachments
{
    public static RouteGroupBuilder MapAttachments(this RouteGroupBuilder group)
    {
        group.MapPost("/{orderId}/attachments", Upload).DisableAntiforgery();
        group.MapGet("/{orderId}/attachments/{number:int}", Download);
        return group;
    }

    private static async Task<IResult> Upload(string orderId, IFormFile? file, ClaimsPrincipal user, IGrainFactory grains, AttachmentStore store, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send one non-empty file as multipart form field 'file'."] });
        }

        if (file.Length > AttachmentStore.MaxBytes)
        {
            return TypedResults.Problem($"An attachment is at most {AttachmentStore.MaxBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        await WorkOrdersApi.Visible(orderId, user, grains, acting: true);
        var name = Path.GetFileName(file.FileName);
        name = string.IsNullOrWhiteSpace(name) ? "attachment" : name[..Math.Min(name.Length, 200)];
        string staged;
        await using (var content = file.OpenReadStream())
        {
            staged = await store.Stage(orderId, content, cancellationToken);
        }

        // The order numbers its attachments one at a time, so two uploads at once never take the same number.
        WorkOrderView saved;
        try
        {
            saved = await WorkOrdersApi.Grain(grains, orderId).Attach(name, string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType, file.Length, user.Actor());
        }
        catch
        {
            AttachmentStore.Discard(staged);
            throw;
        }

        store.Keep(staged, orderId, saved.Attachments[^1].Number);
        return TypedResults.Ok(WorkOrderAccess.Masked(user, saved));
    }

    private static async Task<IResult> Download(string orderId, int number, ClaimsPrincipal user, IGrainFactory grains, AttachmentStore store, CallCenterClock clock)
    {
        var order = await WorkOrdersApi.Visible(orderId, user, grains);
        if (user.IsInRole(Roles.Grader) && !user.MaySupervise())
        {
            throw new NotPermittedException("Graders read orders with the taxpayer masked; attachments are not theirs to open.");
        }

        var attachment = order.Attachments.FirstOrDefault(a => a.Number == number) ?? throw new NotConfiguredException("Attachment", $"{orderId}/{number}");
        var path = store.PathOf(orderId, number);
        if (!File.Exists(path))
        {
            throw new NotConfiguredException("Attachment file", $"{orderId}/{number}");
        }

        await Reporting.Audit.Record(grains, clock, user.Name(), "work-order-attachment", $"work-order:{orderId}", attachment.FileName);
        return TypedResults.PhysicalFile(path, "application/octet-stream", attachment.FileName);
    }
}
