using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>
/// <c>GET /streams/wallboard</c> (WebSocket; <c>?department=</c>, <c>?queue=</c> as on the hub): the read-only wall
/// stream of <see cref="WallStreams"/>, for supervisors, by cookie or bearer token.
/// </summary>
public static class WallStreamApi
{
    public const string Path = "/streams/wallboard";

    public static IEndpointConventionBuilder MapWallStream(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, Open).RequireAuthorization(Policies.Supervision).WithTags("Monitoring").ExcludeFromDescription();

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
