using System.Reflection;

namespace CallCenter.Host.Hosting;

/// <summary>
/// Applies <see cref="InputRules"/> to the values a handler takes from the route and the query string (bodies are
/// checked while they are read, by <see cref="StrictJson"/>): a bad one is a 400 naming the parameter.
/// </summary>
public static class ArgumentRules
{
    public static TBuilder RequireSaneArguments<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var parameters = factory.MethodInfo.GetParameters();
            if (!parameters.Any(Checked))
            {
                return next;
            }

            return context =>
            {
                for (var i = 0; i < parameters.Length && i < context.Arguments.Count; i++)
                {
                    if (Checked(parameters[i]) && Problem(context.Arguments[i]) is { } problem)
                    {
                        return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
                            new Dictionary<string, string[]> { [parameters[i].Name!] = [$"'{parameters[i].Name}' {problem}."] }));
                    }
                }

                return next(context);
            };
        });

    private static bool Checked(ParameterInfo p) =>
        (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is var t
        && (t == typeof(string) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(double) || t == typeof(float));

    private static string? Problem(object? value) => value switch
    {
        string s => InputRules.TextProblem(s),
        DateOnly d when !InputRules.IsPlausible(d) => InputRules.DateProblem,
        DateTimeOffset t when !InputRules.IsPlausible(DateOnly.FromDateTime(t.UtcDateTime)) => InputRules.DateProblem,
        double x when !double.IsFinite(x) => "must be a finite number",
        float x when !float.IsFinite(x) => "must be a finite number",
        _ => null,
    };
}
