namespace CallCenter.Host.Hosting;

/// <summary>
/// What every value from outside must satisfy before any handler sees it: no control characters but tab and line
/// breaks, no bidirectional overrides (they make a stored text read differently from what was typed), bounded
/// length, finite numbers, dates that calendar arithmetic can move by years either way.
/// </summary>
public static class InputRules
{
    /// <summary>No text field of the API is longer; each field has its own, smaller limit on top.</summary>
    public const int MaxTextLength = 10_000;

    public const int MinYear = 1900;
    public const int MaxYear = 2199;

    /// <summary>Why a text is refused, or null if it is acceptable.</summary>
    public static string? TextProblem(string value)
    {
        if (value.Length > MaxTextLength)
        {
            return $"is longer than {MaxTextLength} characters";
        }

        foreach (var c in value)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (char.IsControl(c))
            {
                return $"contains the control character U+{(int)c:X4}";
            }

            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return $"contains the bidirectional control U+{(int)c:X4}";
            }
        }

        return null;
    }

    public static bool IsPlausible(DateOnly day) => day.Year is >= MinYear and <= MaxYear;

    public static string DateProblem => $"must be a date between {MinYear} and {MaxYear}";
}
