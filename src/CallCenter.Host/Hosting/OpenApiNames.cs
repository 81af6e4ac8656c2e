using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace CallCenter.Host.Hosting;

/// <summary>
/// Schema names in /openapi/v1.json: request records are nested in their feature's API class, so they are named by it
/// ("CalibrationApiOpenRequest", "WorkOrdersApiOpenRequest") and two records of one name never share a schema.
/// </summary>
public static class OpenApiNames
{
    public static string? Of(JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        return name is not null && type.Type.DeclaringType is { } feature ? feature.Name + name : name;
    }
}
