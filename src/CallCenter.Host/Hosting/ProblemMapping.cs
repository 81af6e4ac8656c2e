using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Host.Hosting;

/// <summary>Turns domain and input errors into RFC 7807 answers: 400, 403, 404, 409, 503; never a bare 500 for them.</summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var unreadable = exception as JsonException ?? exception.InnerException as JsonException;
        // The code says which kind of refusal it is, so a page can say it in its reader's language.
        var (status, code, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "unreadable", "The request could not be read.", unreadable?.Message ?? bad.Message),
            JsonException json => (400, "unreadable", "The request could not be read.", json.Message),
            // A value no handler checked for (a date moved past year 9999, a path with a NUL): still the caller's input.
            ArgumentException or OverflowException or FormatException => (400, "invalid", "The request is invalid.", exception.Message),
            DomainValidationException invalid => (400, "invalid", "The request is invalid.", invalid.Message),
            NotConfiguredException missing => (404, "not-found", "Not found.", missing.Message),
            NotPermittedException refused => (403, "not-yours", "Not yours to do.", refused.Message),
            RuleViolationException rule => (409, "not-allowed-now", "Not allowed now.", rule.Message),
            IllegalTransitionException illegal => (409, "wrong-state", "Not allowed in the current state.", illegal.Message),
            TimeoutException or OrleansException => (503, "busy", "The platform is busy or a node is recovering; retry shortly.", exception.Message),
            // The Orleans dashboard (administrators only) throws on addresses it cannot parse; that is the caller's input too.
            _ when context.Request.Path.StartsWithSegments("/dashboard") => (400, "invalid", "The dashboard could not answer this request.", exception.Message),
            _ => (0, "", "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        if (status >= 500 || exception is ArgumentException or OverflowException or FormatException || context.Request.Path.StartsWithSegments("/dashboard"))
        {
            logger.LogWarning(exception, "Request failed with {Status}", status);
        }

        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } };
        if (exception is DomainValidationException { Field: { Length: > 0 } field })
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [exception.Message] };
        }
        else if (unreadable?.Path is { Length: > 1 } path)
        {
            // Name the field as the request spelt it: "$.taxpayer.name" → "taxpayer.name".
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [path.TrimStart('$', '.')] = [unreadable.Message] };
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }
}
