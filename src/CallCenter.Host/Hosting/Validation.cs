using System.Text.RegularExpressions;

namespace CallCenter.Host.Hosting;

/// <summary>Collects field errors for a 400 validation problem.</summary>
public sealed partial class Validation
{
    public const int MaxIdLength = 64;

    private readonly Dictionary<string, List<string>> errors = [];

    public bool IsValid => errors.Count == 0;

    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    public Validation Id(string field, string? value)
    {
        if (!IsId(value))
        {
            Add(field, $"'{field}' must be 1–{MaxIdLength} letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
        }

        return this;
    }

    public Validation Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"'{field}' is required.");
            }
        }
        else if (value.Length > max)
        {
            Add(field, $"'{field}' must be at most {max} characters.");
        }
        else if (InputRules.TextProblem(value) is { } problem)
        {
            Add(field, $"'{field}' {problem}.");
        }

        return this;
    }

    /// <summary>A list of short texts, e.g. tags: at most <paramref name="maxCount"/>, each 1–<paramref name="maxLength"/> characters.</summary>
    public Validation Texts(string field, IReadOnlyCollection<string?>? values, int maxCount, int maxLength, string what) =>
        Require(field, (values ?? []).All(v => !string.IsNullOrWhiteSpace(v) && v.Length <= maxLength) && (values?.Count ?? 0) <= maxCount,
            $"At most {maxCount} {what} of 1–{maxLength} characters.");

    /// <summary>An optional text as stored: trimmed, and null when blank.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public Validation Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"'{field}' must be between {min} and {max}.");
        }

        return this;
    }

    public Validation Require(string field, bool condition, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }

        return this;
    }

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    private void Add(string field, string message) =>
        (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._:-]{0,63}\z")]
    private static partial Regex IdPattern();
}
