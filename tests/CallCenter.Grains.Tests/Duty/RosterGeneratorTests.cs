using CallCenter.Calendar;
using CallCenter.Duty;

namespace CallCenter.Grains.Tests.Duty;

/// <summary>Properties of generated rosters over random rotations, periods and leave (fixed seeds, so a failure replays).</summary>
public sealed class RosterGeneratorTests
{
    private static readonly WorkingDayCalendar Days = new(ShippedCalendars.China());
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rosters_use_only_working_days_fill_every_template_and_never_give_anyone_two_shifts_in_a_row(int seed)
    {
        var (definition, days, leave) = RandomCase(new Random(seed), withLeave: true);
        var roster = Generate(definition, days, leave);

        Assert.All(roster.Shifts, s => Assert.True(Days.Check(s.Date).IsWorkingDay, $"{s.Date} is not a working day"));
        Assert.Equal(days.Count * definition.Templates.Count, roster.Shifts.Count);
        Assert.All(roster.Shifts.Zip(roster.Shifts.Skip(1)), p => Assert.True(p.First.Officer is null || p.First.Officer != p.Second.Officer, $"{p.First.Officer} has {p.First.ShiftId} and {p.Second.ShiftId}"));
        Assert.All(roster.Shifts.Where(s => s.Officer is not null), s => Assert.NotEqual(s.Officer, s.Backup));
        Assert.Equal(roster.Shifts.Count(s => s.Officer is null), roster.Problems.Count);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Declared_leave_is_respected_for_officers_and_backups(int seed)
    {
        var (definition, days, leave) = RandomCase(new Random(seed), withLeave: true);
        var roster = Generate(definition, days, leave);
        foreach (var shift in roster.Shifts)
        {
            Assert.DoesNotContain(leave, l => l.Covers(shift.Officer ?? "", shift.Date) || l.Covers(shift.Backup ?? "", shift.Date));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Without_leave_everyone_gets_the_same_number_of_shifts_give_or_take_one(int seed)
    {
        var (definition, days, _) = RandomCase(new Random(seed), withLeave: false);
        var roster = Generate(definition, days, []);
        var counts = definition.Departments.SelectMany(d => d.Officers).Select(o => roster.Shifts.Count(s => s.Officer == o)).ToList();
        Assert.True(counts.Max() - counts.Min() <= 1, $"counts {string.Join(",", counts)}");
        Assert.Empty(roster.Problems);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void With_leave_the_officers_never_away_stay_within_one_shift_of_each_other(int seed)
    {
        var (definition, days, leave) = RandomCase(new Random(seed), withLeave: true);
        var roster = Generate(definition, days, leave);
        var always = definition.Departments.SelectMany(d => d.Officers).Where(o => !leave.Any(l => l.Officer == o)).ToList();
        if (always.Count < 2)
        {
            return;
        }

        var counts = always.Select(o => roster.Shifts.Count(s => s.Officer == o)).ToList();
        Assert.True(counts.Max() - counts.Min() <= 1, $"counts {string.Join(",", counts)}");
    }

    [Fact]
    public void Departments_take_turns_in_rotation_order_and_officers_in_theirs()
    {
        var definition = Definition(("tax", ["a1", "a2"]), ("levy", ["b1"]), ("law", ["c1"]));
        var days = WorkingDays(new DateOnly(2026, 3, 2), 3);
        var roster = Generate(definition, days, []);
        Assert.Equal(["a1", "a2", "b1", "c1", "a1", "a2"], roster.Shifts.Select(s => s.Officer));
        Assert.Equal(["tax", "tax", "levy", "law", "tax", "tax"], roster.Shifts.Select(s => s.Department));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 30, 0, Beijing), roster.Shifts[0].Start);
        Assert.Equal("main/2026-03-02/am", roster.Shifts[0].ShiftId);
    }

    [Fact]
    public void The_National_Day_week_gets_no_shifts_and_the_make_up_Saturday_does()
    {
        // 2026: 1–7 October off; Saturday 10 October is a make-up working day.
        var definition = Definition(("tax", ["a1", "a2"]));
        var days = WorkingDays(new DateOnly(2026, 9, 30), 11);
        var roster = Generate(definition, days, []);
        Assert.DoesNotContain(roster.Shifts, s => s.Date >= new DateOnly(2026, 10, 1) && s.Date <= new DateOnly(2026, 10, 7));
        Assert.Contains(roster.Shifts, s => s.Date == new DateOnly(2026, 10, 10));
    }

    [Fact]
    public void A_shift_no_one_can_take_is_left_open_and_reported()
    {
        var definition = Definition(("tax", ["a1", "a2"]));
        var day = new DateOnly(2026, 3, 2);
        var roster = Generate(definition, [day], [new Leave("a2", day, day, "training")]);
        Assert.Equal(["a1", null], roster.Shifts.Select(s => s.Officer));
        Assert.Contains("no officer is free", Assert.Single(roster.Problems));
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, 40))
        {
            data.Add(seed);
        }

        return data;
    }

    private static Roster Generate(RotationDefinition definition, IReadOnlyList<DateOnly> days, IReadOnlyCollection<Leave> leave) =>
        RosterGenerator.Generate("main", definition, days, leave, (d, t) => new DateTimeOffset(d.ToDateTime(t), Beijing));

    private static (RotationDefinition, IReadOnlyList<DateOnly>, IReadOnlyCollection<Leave>) RandomCase(Random random, bool withLeave)
    {
        var departments = Enumerable.Range(0, random.Next(1, 5))
            .Select(d => ($"d{d}", Enumerable.Range(0, random.Next(1, 5)).Select(o => $"d{d}-o{o}").ToArray()))
            .ToArray();
        if (departments.Sum(d => d.Item2.Length) < 2)
        {
            departments = [.. departments, ("extra", ["x1"])];
        }

        var definition = Definition(departments);
        var start = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 690));
        var days = WorkingDays(start, random.Next(1, 60));
        var officers = departments.SelectMany(d => d.Item2).ToArray();
        var leave = !withLeave
            ? []
            : Enumerable.Range(0, random.Next(0, officers.Length + 1))
                .Select(_ =>
                {
                    var from = start.AddDays(random.Next(0, 60));
                    return new Leave(officers[random.Next(officers.Length)], from, from.AddDays(random.Next(0, 10)), "leave");
                })
                .ToArray();
        return (definition, days, leave);
    }

    private static List<DateOnly> WorkingDays(DateOnly from, int calendarDays) =>
        Enumerable.Range(0, calendarDays).Select(from.AddDays).Where(d => Days.Check(d).IsWorkingDay).ToList();

    private static RotationDefinition Definition(params (string Id, string[] Officers)[] departments) =>
        RotationRules.Validate(new RotationDefinition(
            "main", [], departments.Select(d => new DutyDepartment(d.Id, d.Id, "head-" + d.Id, d.Officers)).ToArray(), new DutyRules()));
}
