namespace CallCenter.Duty;

/// <summary>
/// Fills every shift of every working day in a period. Each shift goes to the eligible officer (not on leave that
/// day, not on duty in the shift just before) with the fewest shifts so far; ties go to whoever comes next in the
/// rotation order after the last one chosen, so departments take turns in order. The backup is chosen the same way
/// among the others and is not counted. Pure, so its properties are tested over random rotations.
/// </summary>
public static class RosterGenerator
{
    public static Roster Generate(
        string rotation,
        RotationDefinition definition,
        IEnumerable<DateOnly> workingDays,
        IReadOnlyCollection<Leave> leave,
        Func<DateOnly, TimeOnly, DateTimeOffset> at,
        string? officerBefore = null)
    {
        var order = definition.Departments.SelectMany(d => d.Officers.Select(o => (Department: d.Id, Officer: o))).ToArray();
        var counts = order.ToDictionary(p => p.Officer, _ => 0);
        var next = 0;
        var previous = officerBefore;
        var shifts = new List<RosterShift>();
        var problems = new List<string>();
        foreach (var day in workingDays.Order())
        {
            foreach (var template in definition.Templates.OrderBy(t => t.Start))
            {
                var id = ShiftId(rotation, day, template.Id);
                var free = Enumerable.Range(0, order.Length)
                    .Select(i => (next + i) % order.Length)
                    .Where(i => !leave.Any(l => l.Covers(order[i].Officer, day)))
                    .ToList();
                var candidates = free.Where(i => order[i].Officer != previous).ToList();
                if (candidates.Count == 0)
                {
                    problems.Add($"{day:yyyy-MM-dd} {template.Name}: no officer is free (leave, or the only free one has the shift before).");
                    shifts.Add(new RosterShift(id, day, template.Id, at(day, template.Start), at(day, template.End), null, null, null));
                    previous = null;
                    continue;
                }

                var chosen = Fewest(candidates);
                var backups = free.Where(i => order[i].Officer != order[chosen].Officer).ToList();
                var backup = backups.Count == 0 ? (int?)null : Fewest(backups);
                counts[order[chosen].Officer]++;
                next = (chosen + 1) % order.Length;
                previous = order[chosen].Officer;
                shifts.Add(new RosterShift(
                    id, day, template.Id, at(day, template.Start), at(day, template.End),
                    order[chosen].Department, order[chosen].Officer, backup is { } b ? order[b].Officer : null));
            }
        }

        return new Roster(rotation, shifts, problems, Published: false);

        // Candidates are already in rotation order from the pointer, so the first with the fewest wins ties.
        int Fewest(List<int> candidates) => candidates.MinBy(i => counts[order[i].Officer]);
    }

    public static string ShiftId(string rotation, DateOnly day, string template) =>
        $"{rotation}/{day:yyyy-MM-dd}/{template}";
}
