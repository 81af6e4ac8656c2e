using System.Globalization;
using System.Text;
using CallCenter.Duty;

namespace CallCenter.Host;

/// <summary>The published roster as CSV (for spreadsheets) and as iCalendar (RFC 5545, for calendar apps).</summary>
public static class RosterExport
{
    public static async Task<IResult> Csv(string rotationId, DateOnly? from, DateOnly? to, string? officer, IGrainFactory grains, CallCenterClock clock)
    {
        var (rotation, shifts) = await Published(rotationId, from, to, officer, grains, clock);
        var csv = new StringBuilder("date,shift,start,end,department,officer,backup\r\n");
        foreach (var s in shifts)
        {
            var local = (Start: Local(s.Start, clock), End: Local(s.End, clock));
            csv.AppendJoin(',', new[]
            {
                s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Template(rotation, s), local.Start.ToString("HH:mm"),
                local.End.ToString("HH:mm"), Department(rotation, s), s.Officer ?? "", s.Backup ?? "",
            }.Select(Hosting.Csv.Field)).Append("\r\n");
        }

        // A byte-order mark so spreadsheet programs read the Chinese names as UTF-8.
        return Hosting.Csv.File(csv, $"roster-{rotationId}.csv");
    }

    public static async Task<IResult> Calendar(string rotationId, DateOnly? from, DateOnly? to, string? officer, IGrainFactory grains, CallCenterClock clock)
    {
        var (rotation, shifts) = await Published(rotationId, from, to, officer, grains, clock);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//CallCenter//Duty roster//ZH");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "X-WR-CALNAME:" + Text($"{rotation.Name} 带班"));
        var stamp = Utc(clock.Now);
        foreach (var s in shifts)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:{s.ShiftId.Replace('/', '-')}@callcenter");
            Line(ics, "DTSTAMP:" + stamp);
            Line(ics, "DTSTART:" + Utc(s.Start));
            Line(ics, "DTEND:" + Utc(s.End));
            Line(ics, "SUMMARY:" + Text($"带班 Duty: {Department(rotation, s)} {Template(rotation, s)} — {s.Officer}"));
            Line(ics, "DESCRIPTION:" + Text($"Officer {s.Officer}; backup {s.Backup ?? "none"}. Check in from {rotation.Rules.CheckInOpensMinutes} minutes before the start."));
            Line(ics, "END:VEVENT");
        }

        Line(ics, "END:VCALENDAR");
        return Results.File(Encoding.UTF8.GetBytes(ics.ToString()), "text/calendar; charset=utf-8", $"roster-{rotationId}.ics");
    }

    private static async Task<(RotationDefinition Rotation, IReadOnlyList<RosterShift> Shifts)> Published(
        string rotationId, DateOnly? from, DateOnly? to, string? officer, IGrainFactory grains, CallCenterClock clock)
    {
        var (start, end) = DutyApi.Period(from, to, clock);

        var rotation = DutyApi.Rotation(grains, rotationId);
        var roster = await rotation.GetRoster(start, end, draft: false);
        var shifts = roster.Shifts.Where(s => string.IsNullOrWhiteSpace(officer) || s.Officer == officer || s.Backup == officer).ToList();
        return (await rotation.GetDefinition(), shifts);
    }

    private static string Template(RotationDefinition rotation, RosterShift shift) =>
        rotation.Templates.FirstOrDefault(t => t.Id == shift.Template)?.Name ?? shift.Template;

    private static string Department(RotationDefinition rotation, RosterShift shift) =>
        rotation.Departments.FirstOrDefault(d => d.Id == shift.Department)?.Name ?? shift.Department ?? "";

    private static DateTime Local(DateTimeOffset at, CallCenterClock clock) => TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime;

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Text(string value) =>
        value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r", "").Replace("\n", "\\n");

    /// <summary>Writes a content line folded at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character.</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            ics.Append(rune.ToString());
            octets += size;
        }

        ics.Append("\r\n");
    }
}
