using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CallCenter.Host.Hosting;

/// <summary>
/// Schema names in /openapi/v1.json: request records are nested in their feature's API class, so they are named by it
/// ("CalibrationApiOpenRequest", "WorkOrdersApiOpenRequest") and two records of one name never share a schema. Types
/// read by <see cref="StrictJson"/>'s converters get back the shape the converters accept.
/// </summary>
public static class OpenApiNames
{
    public static void Apply(OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = Of;
        options.AddSchemaTransformer(async (schema, context, cancellationToken) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            var nullable = context.JsonPropertyInfo is { } property && (Nullable.GetUnderlyingType(property.PropertyType) is not null || !property.PropertyType.IsValueType);
            if (type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTimeOffset))
            {
                schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
                schema.Format = type == typeof(DateOnly) ? "date" : type == typeof(DateTimeOffset) ? "date-time" : schema.Format;
                schema.MaxLength ??= type == typeof(string) ? InputRules.MaxTextLength : null;
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                schema.Type = JsonSchemaType.Array | (nullable ? JsonSchemaType.Null : 0);
                schema.Items = await context.GetOrCreateSchemaAsync(type.GenericTypeArguments[0], null, cancellationToken);
            }
        });
    }

    public static string? Of(JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        return name is not null && type.Type.DeclaringType is { } feature ? feature.Name + name : name;
    }
}
