using System.Text.RegularExpressions;

namespace CallCenter.Host.Hosting;

/// <summary>
/// Collects field errors for a 400 validation problem: per field the English messages (<c>errors</c>) and, in the same
/// order, what kind of error each is with its numbers (<c>codes</c>), so a page can say it in its reader's language.
/// </summary>
public sealed partial class Validation
{
    public const int MaxIdLength = 64;

    private readonly Dictionary<string, List<string>> errors = [];
    private readonly Dictionary<string, List<FieldCode>> codes = [];

    /// <summary>A kind of field error ("required", "too-long", "range", "id", "bad-text", "texts", "exists", "undefined", "invalid") and its numbers.</summary>
    public sealed record FieldCode(string Code, IReadOnlyDictionary<string, int>? Args = null);

    public bool IsValid => errors.Count == 0;

    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    public Validation Id(string field, string? value)
    {
        if (!IsId(value))
        {
            Add(field, $"'{field}' must be 1–{MaxIdLength} letters, digits, '.', '_', ':' or '-', starting with a letter or digit.", new("id", new Dictionary<string, int> { ["max"] = MaxIdLength }));
        }

        return this;
    }

    public Validation Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"'{field}' is required.", new("required"));
            }
        }
        else if (value.Length > max)
        {
            Add(field, $"'{field}' must be at most {max} characters.", new("too-long", new Dictionary<string, int> { ["max"] = max }));
        }
        else if (InputRules.TextProblem(value) is { } problem)
        {
            Add(field, $"'{field}' {problem}.", new("bad-text"));
        }

        return this;
    }

    /// <summary>A list of short texts, e.g. tags: at most <paramref name="maxCount"/>, each 1–<paramref name="maxLength"/> characters.</summary>
    public Validation Texts(string field, IReadOnlyCollection<string?>? values, int maxCount, int maxLength, string what)
    {
        if (!(values ?? []).All(v => !string.IsNullOrWhiteSpace(v) && v.Length <= maxLength) || (values?.Count ?? 0) > maxCount)
        {
            Add(field, $"At most {maxCount} {what} of 1–{maxLength} characters.", new("texts", new Dictionary<string, int> { ["count"] = maxCount, ["length"] = maxLength }));
        }

        return this;
    }

    /// <summary>An optional text as stored: trimmed, and null when blank.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public Validation Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"'{field}' must be between {min} and {max}.", new("range", new Dictionary<string, int> { ["min"] = min, ["max"] = max }));
        }

        return this;
    }

    /// <summary>A rule of the caller's own; <paramref name="code"/> names its kind when pages have words for it ("exists", "undefined").</summary>
    public Validation Require(string field, bool condition, string message, string code = "invalid")
    {
        if (!condition)
        {
            Add(field, message, new(code));
        }

        return this;
    }

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), extensions: new Dictionary<string, object?>
        {
            ["code"] = "invalid",
            ["codes"] = codes.ToDictionary(c => c.Key, c => c.Value.ToArray()),
        });

    /// <summary>The field errors in one line, for channels without problem details (a hub method's error).</summary>
    public string Summary() => string.Join(" ", errors.SelectMany(e => e.Value));

    private void Add(string field, string message, FieldCode code)
    {
        (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        (codes.TryGetValue(field, out var kinds) ? kinds : codes[field] = []).Add(code);
    }

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._:-]{0,63}\z")]
    private static partial Regex IdPattern();
}
