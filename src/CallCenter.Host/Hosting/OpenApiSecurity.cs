using CallCenter.Host.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CallCenter.Host.Hosting;

/// <summary>
/// Declares how /openapi/v1.json's operations are called, so "Try it" in /docs works: a bearer token from
/// POST /api/v1/auth/token for people's endpoints, the X-Api-Key header for the softswitch's, nothing for the open ones.
/// </summary>
public static class OpenApiSecurity
{
    public const string Bearer = "Bearer";
    public const string ApiKey = "ApiKey";

    public static void Apply(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An access token from POST /api/v1/auth/token {userName, password} (15 minutes; refresh at /api/v1/auth/refresh).",
            };
            document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthentication.Header,
                Description = "The softswitch's key (CallCenter__Cti__ApiKey), for the CTI endpoints only.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var authorize = metadata.OfType<IAuthorizeData>().ToList();
            if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
            {
                return Task.CompletedTask;
            }

            var scheme = authorize.Any(a => a.Policy == Policies.Softswitch) ? ApiKey : Bearer;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
            return Task.CompletedTask;
        });
    }
}
