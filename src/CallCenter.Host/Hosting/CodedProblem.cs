namespace CallCenter.Host.Hosting;

/// <summary>
/// A refusal the pages show in the user's language: the problem carries a stable <c>code</c> and its <c>args</c>
/// beside the English detail, and the pages render the code from their catalogue (English for API callers).
/// </summary>
public static class CodedProblem
{
    public static IResult Of(int status, string code, string detail, params (string Name, string? Value)[] args) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: detail, extensions: new Dictionary<string, object?>
        {
            ["code"] = code,
            ["args"] = args.ToDictionary(a => a.Name, a => a.Value),
        });
}
