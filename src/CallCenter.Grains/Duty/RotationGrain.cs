using CallCenter.Calendar;

namespace CallCenter.Duty;

/// <summary>
/// A rotation: its departments, officers, templates and leave, the draft roster an administrator generates and
/// edits, and the published roster whose shifts are live grains. Every change is audited. It calls shifts and the
/// calendar; neither calls it back.
/// </summary>
[GrainType("duty-rotation")]
public sealed class RotationGrain(
    [PersistentState("duty-rotation", StorageNames.Grains)] IPersistentState<RotationRecord> rotation,
    CallCenterClock clock) : Grain, IRotationGrain
{
    public const int MaxPeriodDays = 366;

    private RotationRecord S => rotation.State;

    private string Id => this.GetPrimaryKeyString();

    private RotationDefinition Definition => S.Definition ?? throw new NotConfiguredException("Rotation", Id);

    async Task<RotationDefinition> IRotationGrain.Define(RotationDefinition definition, string by)
    {
        S.Definition = RotationRules.Validate(definition);
        await rotation.WriteStateAsync();
        await Audit(by, "rotation-define", $"{S.Definition.Departments.Count} departments, {S.Definition.Templates.Count} shifts a day");
        return S.Definition;
    }

    Task<RotationDefinition> IRotationGrain.GetDefinition() => Task.FromResult(Definition);

    async Task<IReadOnlyList<Leave>> IRotationGrain.DeclareLeave(Leave leave, string by)
    {
        RequireOfficer(leave.Officer, "officer");
        if (leave.To < leave.From || leave.To.DayNumber - leave.From.DayNumber > MaxPeriodDays)
        {
            throw new DomainValidationException("to", "Leave ends on or after its first day and lasts at most a year.");
        }

        if (string.IsNullOrWhiteSpace(leave.Reason) || leave.Reason.Length > 200)
        {
            throw new DomainValidationException("reason", "A reason of 1–200 characters is required.");
        }

        S.Leave.Add(leave);
        await rotation.WriteStateAsync();
        await Audit(by, "duty-leave", $"{leave.Officer} {leave.From:yyyy-MM-dd}..{leave.To:yyyy-MM-dd}: {leave.Reason}");
        return S.Leave.ToArray();
    }

    Task<IReadOnlyList<Leave>> IRotationGrain.GetLeave() => Task.FromResult<IReadOnlyList<Leave>>(S.Leave.ToArray());

    async Task<Roster> IRotationGrain.Generate(DateOnly from, DateOnly to, string by)
    {
        var definition = Definition;
        if (to < from || to.DayNumber - from.DayNumber >= MaxPeriodDays)
        {
            throw new DomainValidationException("to", $"A period runs from 'from' to 'to' inclusive, at most {MaxPeriodDays} days.");
        }

        var calendar = GrainFactory.GetGrain<ICalendarGrain>("CN");
        var years = await calendar.LoadedYears();
        if (!definition.Demo && Enumerable.Range(from.Year, to.Year - from.Year + 1).FirstOrDefault(y => !years.Contains(y)) is var missing and > 0)
        {
            throw new DomainValidationException("to", $"The working-day calendar for {missing} is not loaded, so its holidays are unknown: load it first (PUT /api/v1/calendar/years/{missing}).");
        }

        var days = new List<DateOnly>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (definition.Demo || (await calendar.Check(day)).IsWorkingDay)
            {
                days.Add(day);
            }
        }

        var before = S.Published.Values.Where(s => s.Date < from).MaxBy(s => s.Start)?.Officer;
        var roster = RosterGenerator.Generate(Id, definition, days, S.Leave, clock.At, before);
        S.Draft = [.. roster.Shifts];
        S.DraftProblems = [.. roster.Problems];
        await rotation.WriteStateAsync();
        await Audit(by, "roster-generate", $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {roster.Shifts.Count} shifts, {roster.Problems.Count} problems");
        return roster;
    }

    async Task<RosterShift> IRotationGrain.Edit(string shiftId, string officer, string? backup, string reason, string by)
    {
        RequireOfficer(officer, "officer");
        if (backup is not null)
        {
            RequireOfficer(backup, "backup");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 200)
        {
            throw new DomainValidationException("reason", "Every roster edit needs a reason of 1–200 characters.");
        }

        var department = Definition.Departments.First(d => d.Officers.Contains(officer)).Id;
        var index = S.Draft.FindIndex(s => s.ShiftId == shiftId);
        RosterShift edited;
        if (index >= 0)
        {
            edited = S.Draft[index] = S.Draft[index] with { Officer = officer, Backup = backup == officer ? null : backup, Department = department };
            var problem = $"{edited.Date:yyyy-MM-dd} {Definition.Templates.First(t => t.Id == edited.Template).Name}:";
            S.DraftProblems.RemoveAll(p => p.StartsWith(problem, StringComparison.Ordinal));
        }
        else if (S.Published.ContainsKey(shiftId))
        {
            edited = (await GrainFactory.GetGrain<IShiftGrain>(shiftId).Reassign(officer, backup, reason)).Plan.Shift with { Department = department };
            S.Published[shiftId] = edited;
        }
        else
        {
            throw new NotConfiguredException("Roster shift", shiftId);
        }

        await rotation.WriteStateAsync();
        await Audit(by, "roster-edit", $"{shiftId}: officer {officer}, backup {backup ?? "none"}: {reason}");
        return edited;
    }

    async Task<Roster> IRotationGrain.Publish(string by)
    {
        var definition = Definition;
        if (S.Draft.Count == 0)
        {
            throw new RuleViolationException("There is no draft roster to publish: generate one first.");
        }

        if (S.Draft.Count(s => s.Officer is null) is var open and > 0)
        {
            throw new RuleViolationException($"{open} shift(s) of the draft have no officer: assign them (edit with a reason) before publishing.");
        }

        if (S.Draft.FirstOrDefault(s => !definition.Departments.Any(d => d.Id == s.Department) || !definition.Templates.Any(t => t.Id == s.Template)) is { } stale)
        {
            throw new RuleViolationException($"{stale.ShiftId} names a department or shift the rotation no longer has: generate the draft again.");
        }

        var from = S.Draft.Min(s => s.Date);
        var to = S.Draft.Max(s => s.Date);
        var drafted = S.Draft.Select(s => s.ShiftId).ToHashSet();
        foreach (var dropped in S.Published.Values.Where(s => s.Date >= from && s.Date <= to && !drafted.Contains(s.ShiftId)).ToList())
        {
            await GrainFactory.GetGrain<IShiftGrain>(dropped.ShiftId).Cancel("not in the republished roster");
            S.Published.Remove(dropped.ShiftId);
        }

        var all = S.Published.Values.Where(s => !drafted.Contains(s.ShiftId)).Concat(S.Draft).OrderBy(s => s.Start).ToList();
        string? previous = null;
        foreach (var shift in all)
        {
            if (drafted.Contains(shift.ShiftId))
            {
                var department = definition.Departments.First(d => d.Id == shift.Department);
                var template = definition.Templates.First(t => t.Id == shift.Template);
                await GrainFactory.GetGrain<IShiftGrain>(shift.ShiftId).Schedule(
                    new ShiftPlan(Id, shift, template.Name, department.Name, department.Head, definition.Rules, previous, definition.Demo));
                S.Published[shift.ShiftId] = shift;
            }

            previous = shift.ShiftId;
        }

        foreach (var officer in S.Draft.GroupBy(s => s.Officer!))
        {
            await GrainFactory.GetGrain<IDutyOfficerGrain>(officer.Key).Notify(new DutyNotice(
                clock.Now, "roster", null, $"{definition.Name}: you are on duty for {officer.Count()} shift(s) between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}.",
                new Dictionary<string, string>
                {
                    ["rotation"] = definition.Name, ["count"] = officer.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["to"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                }));
        }

        var published = new Roster(Id, S.Draft.ToArray(), [], Published: true);
        S.Draft = [];
        S.DraftProblems = [];
        await rotation.WriteStateAsync();
        await Audit(by, "roster-publish", $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {published.Shifts.Count} shifts");
        return published;
    }

    Task<Roster> IRotationGrain.GetRoster(DateOnly from, DateOnly to, bool draft)
    {
        _ = Definition;
        var shifts = draft ? S.Draft : S.Published.Values.ToList();
        return Task.FromResult(new Roster(
            Id, shifts.Where(s => s.Date >= from && s.Date <= to).OrderBy(s => s.Start).ToArray(), draft ? S.DraftProblems.ToArray() : [], !draft));
    }

    async Task<RosterShift> IRotationGrain.ApproveSwap(string shiftId, string approver, bool administrator)
    {
        if (!S.Published.TryGetValue(shiftId, out var published))
        {
            throw new NotConfiguredException("Published shift", shiftId);
        }

        var shiftGrain = GrainFactory.GetGrain<IShiftGrain>(shiftId);
        var view = await shiftGrain.Get();
        if (view.Swap is not { AcceptedAt: not null } swap)
        {
            throw new RuleViolationException($"{shiftId} has no swap accepted by the colleague to approve.");
        }

        if (!administrator && view.Plan.Head != approver)
        {
            throw new NotPermittedException($"Only the head of {view.Plan.DepartmentName} ({view.Plan.Head}) or an administrator may approve this swap.");
        }

        RequireOfficer(swap.To, "colleague");
        var backup = published.Backup == swap.To ? swap.From : published.Backup;
        var reason = $"swap {swap.From} → {swap.To} approved by {approver}";
        var changed = (await shiftGrain.Reassign(swap.To, backup, reason)).Plan.Shift;
        S.Published[shiftId] = changed;
        await rotation.WriteStateAsync();
        foreach (var person in new[] { swap.From, swap.To }.Append(view.Plan.Head).Distinct())
        {
            await GrainFactory.GetGrain<IDutyOfficerGrain>(person).Notify(new DutyNotice(clock.Now, "swap-approved", shiftId, $"The swap of {shiftId}: {reason}.",
                new Dictionary<string, string>
                {
                    ["from"] = swap.From, ["to"] = swap.To, ["by"] = approver, ["date"] = view.Plan.Shift.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["department"] = view.Plan.DepartmentName, ["template"] = view.Plan.TemplateName,
                }));
        }

        await Audit(approver, "duty-swap", $"{shiftId}: {reason}");
        return changed;
    }

    private void RequireOfficer(string? officer, string field)
    {
        if (string.IsNullOrWhiteSpace(officer) || !Definition.Departments.Any(d => d.Officers.Contains(officer)))
        {
            throw new DomainValidationException(field, $"'{officer}' is not an officer of rotation '{Id}'.");
        }
    }

    private Task Audit(string by, string action, string detail) =>
        Reporting.Audit.Record(GrainFactory, clock, by, action, "rotation:" + Id, detail);
}
