namespace CallCenter.Duty;

/// <summary>What makes a rotation usable; every refusal names the field and says why.</summary>
public static class RotationRules
{
    public static RotationDefinition Validate(RotationDefinition rotation)
    {
        Require(!string.IsNullOrWhiteSpace(rotation.Name) && rotation.Name.Length <= 100, "name", "A name of 1–100 characters is required.");
        var templates = rotation.Templates is { Count: > 0 } given ? given : ShiftTemplate.HalfDays;
        Require(templates.Count <= 6, "templates", "At most 6 shifts a day.");
        foreach (var t in templates)
        {
            Require(IsCode(t.Id) && !string.IsNullOrWhiteSpace(t.Name), "templates", "Each shift template needs an id (letters, digits, '-') and a name.");
            Require(t.Start < t.End, "templates", $"Shift template '{t.Id}' must end after it starts.");
        }

        Require(templates.Select(t => t.Id).Distinct().Count() == templates.Count, "templates", "Shift template ids must be distinct.");
        var ordered = templates.OrderBy(t => t.Start).ToList();
        Require(ordered.Zip(ordered.Skip(1)).All(p => p.First.End <= p.Second.Start), "templates", "Shift templates must not overlap.");

        Require(rotation.Departments is { Count: > 0 }, "departments", "At least one department is required.");
        foreach (var d in rotation.Departments)
        {
            Require(IsCode(d.Id) && !string.IsNullOrWhiteSpace(d.Name), "departments", "Each department needs an id (letters, digits, '-') and a name.");
            Require(!string.IsNullOrWhiteSpace(d.Head), "departments", $"Department '{d.Id}' needs a head, who approves swaps.");
            Require(d.Officers is { Count: > 0 } && d.Officers.All(o => !string.IsNullOrWhiteSpace(o)), "departments", $"Department '{d.Id}' needs at least one officer.");
        }

        Require(rotation.Departments.Select(d => d.Id).Distinct().Count() == rotation.Departments.Count, "departments", "Department ids must be distinct.");
        var officers = rotation.Departments.SelectMany(d => d.Officers).ToList();
        Require(officers.Distinct().Count() == officers.Count, "departments", "An officer may be listed only once, in one department.");
        Require(officers.Count >= 2, "departments", "At least two officers are needed: nobody may take two shifts in a row.");

        var rules = rotation.Rules ?? new DutyRules();
        Require(rules.CheckInOpensMinutes is >= 0 and <= 240, "rules.checkInOpensMinutes", "Check-in may open 0–240 minutes before the start.");
        Require(rules.LateAfterMinutes is >= 0 and <= 120, "rules.lateAfterMinutes", "Late must be 0–120 minutes after the start.");
        Require(rules.NoShowAfterMinutes > rules.LateAfterMinutes && rules.NoShowAfterMinutes <= 240, "rules.noShowAfterMinutes", "No-show must come after late, at most 240 minutes after the start.");
        Require(rules.AutoCheckOutAfterMinutes is >= 0 and <= 720, "rules.autoCheckOutAfterMinutes", "Automatic check-out must be 0–720 minutes after the end.");
        return rotation with { Templates = templates, Rules = rules };
    }

    public static bool IsCode(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 40 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new DomainValidationException(field, message);
        }
    }
}
