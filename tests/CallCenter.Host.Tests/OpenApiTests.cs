using System.Text.Json;

namespace CallCenter.Host.Tests;

/// <summary>/openapi/v1.json documents each request body as the API reads it: one schema per record, strings as strings.</summary>
public sealed class OpenApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Two_request_records_of_one_name_get_two_schemas_and_each_body_points_at_its_own()
    {
        var document = await fixture.Host.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(Body(document, schemas, "/api/v1/grading/calibrations", "post").TryGetProperty("graders", out _));
        Assert.True(Body(document, schemas, "/api/v1/work-orders", "post").TryGetProperty("taxpayer", out _));
        Assert.True(Body(document, schemas, "/api/v1/work-orders/departments/{departmentId}", "put").TryGetProperty("liaison", out _));
        Assert.True(Body(document, schemas, "/api/v1/duty/rotations/{rotationId}", "put").TryGetProperty("templates", out _));

        var seat = Body(document, schemas, "/api/v1/seats/{seatId}", "put");
        Assert.Contains("string", seat.GetProperty("name").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        var year = Body(document, schemas, "/api/v1/calendar/years/{year}", "put");
        Assert.Equal("date", year.GetProperty("makeUpWorkdays").GetProperty("items").GetProperty("format").GetString());
    }

    private static JsonElement Body(JsonElement document, JsonElement schemas, string path, string method)
    {
        var reference = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        return schemas.GetProperty(reference.Split('/')[^1]).GetProperty("properties");
    }
}
