using System.Net;
using System.Threading.RateLimiting;
using CallCenter.Host.Identity;
using Microsoft.AspNetCore.HttpOverrides;

namespace CallCenter.Host.Hosting;

/// <summary>
/// What protects every response and every cookie-borne request: security headers and a content security policy the
/// pages satisfy, a header that no other site's page can send (so a cookie alone never changes anything), per-address
/// limits on sign-in, and the client's real address and scheme from trusted proxies only.
/// </summary>
public static class WebSecurity
{
    /// <summary>The pages send it on every change; a form or script on another site cannot without CORS, which is not offered.</summary>
    public const string RequestHeader = "X-CallCenter-Request";

    private const string PageCsp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; " +
        "connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference (Scalar) and the Orleans dashboard are third-party pages that run inline scripts.
    private const string ToolCsp =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void AddCallCenterWebSecurity(this IServiceCollection services, CallCenterSettings settings)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.Sessions.TrustedProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem("Too many sign-in requests from this address; wait a minute and try again.", statusCode: 429)
                    .ExecuteAsync(context.HttpContext);
            };
            o.AddPolicy(AuthApi.RateLimit, http => RateLimitPartition.GetTokenBucketLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, settings.SignIn.PerAddressPerMinute),
                    TokensPerPeriod = Math.Max(1, settings.SignIn.PerAddressPerMinute),
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
    }

    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (http, next) =>
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/docs") || http.Request.Path.StartsWithSegments("/dashboard") ? ToolCsp : PageCsp;
        if (http.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }

        await next(http);
    });

    /// <summary>
    /// Refuses a state change that rides on the sign-in cookie without <see cref="RequestHeader"/>, or that comes from
    /// another origin, and a hub or wall-stream connection opened from another origin.
    /// </summary>
    public static void UseRequestForgeryCheck(this WebApplication app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        var byCookie = request.Cookies.ContainsKey(IdentitySetup.CookieName) && !request.Headers.ContainsKey("Authorization") && !request.Headers.ContainsKey("X-Api-Key");
        var signingIn = request.Path.StartsWithSegments("/api/v1/auth/login");
        var changes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var live = request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/streams");
        var guarded = request.Path.StartsWithSegments("/api") || live;
        if (guarded && (byCookie || signingIn) && (changes || live))
        {
            var foreign = request.Headers.Origin is [{ } origin] && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
                || request.Headers["Sec-Fetch-Site"] == "cross-site";
            var unmarked = changes && !request.Headers.ContainsKey(RequestHeader);
            if (foreign || unmarked)
            {
                await TypedResults.Problem(
                    foreign ? "Requests from another site are refused." : $"A change made with the sign-in cookie must carry the {RequestHeader} header (the pages send it).",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
                return;
            }
        }

        await next(http);
    });
}
