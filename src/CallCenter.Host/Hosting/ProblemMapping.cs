using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace CallCenter.Host.Hosting;

/// <summary>Turns domain and input errors into RFC 7807 answers: 400, 403, 404, 409, 503; never a bare 500 for them.</summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", bad.InnerException is JsonException json ? json.Message : bad.Message),
            JsonException json => (400, "The request could not be read.", json.Message),
            DomainValidationException invalid => (400, "The request is invalid.", invalid.Message),
            NotConfiguredException missing => (404, "Not found.", missing.Message),
            NotPermittedException refused => (403, "Not yours to do.", refused.Message),
            RuleViolationException rule => (409, "Not allowed now.", rule.Message),
            IllegalTransitionException illegal => (409, "Not allowed in the current state.", illegal.Message),
            TimeoutException or OrleansException => (503, "The platform is busy or a node is recovering; retry shortly.", exception.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        if (status >= 500)
        {
            logger.LogWarning(exception, "Request failed with {Status}", status);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
