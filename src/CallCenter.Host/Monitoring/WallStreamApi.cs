using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>
/// <c>GET /streams/wallboard</c> (WebSocket; <c>?department=</c>, <c>?queue=</c> as on the hub): the read-only wall
/// stream of <see cref="WallStreams"/>, for supervisors, by cookie or bearer token. A wall that first takes a ticket
/// (<c>POST /api/v1/wallboard/tickets</c>) and opens <c>?ticket=</c> first is served by <see cref="WallConnections"/>
/// below the HTTP layer instead; when that path cannot take it (TLS on this host, HTTP/2) it lands here.
/// </summary>
public static class WallStreamApi
{
    public const string Path = "/streams/wallboard";

    /// <summary>The scope a ticket is asked for; both blank is the whole centre.</summary>
    public sealed record TicketRequest(string? Department, string? Queue);

    public static IEndpointConventionBuilder MapWallStream(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, Open).RequireAuthorization(Policies.Supervision).WithTags("Monitoring").ExcludeFromDescription();

    public static RouteGroupBuilder MapWallTickets(this RouteGroupBuilder group)
    {
        group.WithTags("Monitoring").RequireAuthorization(Policies.Supervision);
        group.MapPost("/tickets", Issue);
        return group;
    }

    /// <summary>A ticket for one wall of this sign-in and scope, to be used within a minute.</summary>
    private static Results<Ok<WallTickets.Ticket>, ValidationProblem> Issue(TicketRequest? r, ClaimsPrincipal user, WallTickets tickets)
    {
        var scope = MonitorScope.Of(r?.Department, r?.Queue);
        var check = new Validation().Text("department", scope.Department, 100, required: false).Text("queue", scope.Queue, 100, required: false);
        return check.IsValid
            ? TypedResults.Ok(tickets.Issue(new WallTickets.Holder(user.Identity!.Name!, user.Id()!, scope)))
            : check.Problem();
    }

    private static async Task<IResult> Open(HttpContext http, WallStreams streams)
    {
        if (MonitorScope.From(http.Request.Query, out var tooLong) is not { } scope)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [tooLong!] = [$"'{tooLong}' is at most 100 characters."] });
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem($"{Path} is a WebSocket: open it with an Upgrade request.", statusCode: StatusCodes.Status400BadRequest);
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await streams.Serve(socket, scope, http.User.Identity!.Name!, http.User.Id(), http.RequestAborted);
        return TypedResults.Empty;
    }
}
