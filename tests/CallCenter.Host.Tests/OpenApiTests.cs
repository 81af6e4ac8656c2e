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

    [Fact]
    public async Task The_document_declares_how_each_operation_is_called_and_leaves_out_the_dashboard()
    {
        var document = await fixture.Host.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("http", "bearer"), (schemes.GetProperty("Bearer").Str("type"), schemes.GetProperty("Bearer").Str("scheme")));
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (schemes.GetProperty("ApiKey").Str("type"), schemes.GetProperty("ApiKey").Str("in"), schemes.GetProperty("ApiKey").Str("name")));

        var paths = document.GetProperty("paths");
        Assert.Equal(["Bearer"], Schemes(paths, "/api/v1/seats/{seatId}", "get"));
        Assert.Equal(["ApiKey"], Schemes(paths, "/api/v1/cti/calls", "post"));
        Assert.Empty(Schemes(paths, "/api/v1/auth/token", "post"));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_reference_page_loads_nothing_from_outside_the_host()
    {
        var page = await fixture.Host.Anonymous().GetStringAsync("/docs/");
        var outside = System.Text.RegularExpressions.Regex.Matches(page, @"(src|href)\s*=\s*[""']?(https?:)?//[^""'\s>]+")
            .Select(m => m.Value).Where(v => !v.Contains(fixture.Host.Address.Authority, StringComparison.Ordinal)).ToList();
        Assert.Empty(outside);
        Assert.DoesNotContain("fonts.scalar.com", page, StringComparison.Ordinal);
    }

    private static string[] Schemes(JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method).TryGetProperty("security", out var security)
            ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToArray()
            : [];

    private static JsonElement Body(JsonElement document, JsonElement schemas, string path, string method)
    {
        var reference = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        return schemas.GetProperty(reference.Split('/')[^1]).GetProperty("properties");
    }
}
