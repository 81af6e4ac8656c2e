namespace CallCenter.Duty;

/// <summary>One duty shift (key "rotation/yyyy-MM-dd/template"). Durable reminders move it through its clock; any call first catches up with the time.</summary>
[Alias("CallCenter.Duty.IShiftGrain")]
public interface IShiftGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the shift from a published roster; refused once someone has checked in.</summary>
    [Alias("Schedule")] Task<ShiftView> Schedule(ShiftPlan plan);

    /// <summary>An administrator's edit or an approved swap: a new officer and backup, with the reason.</summary>
    [Alias("Reassign")] Task<ShiftView> Reassign(string officer, string? backup, string reason);

    [Alias("Cancel")] Task Cancel(string reason);

    /// <summary>Throws <see cref="NotConfiguredException"/> for a shift never scheduled.</summary>
    [Alias("Get")] Task<ShiftView> Get();

    [Alias("Tile")] Task<DutyTile> Tile();

    [Alias("CheckIn")] Task<ShiftView> CheckIn(string user, ClockSource source);

    [Alias("CheckOut")] Task<ShiftView> CheckOut(string user, string notes, IReadOnlyList<string> openMatters, ClockSource source);

    [Alias("Correct")] Task<ShiftView> Correct(string administrator, string kind, DateTimeOffset at, string reason);

    [Alias("RequestSwap")] Task<ShiftView> RequestSwap(string user, string colleague, string? note);

    [Alias("AnswerSwap")] Task<ShiftView> AnswerSwap(string user, bool accept);

    [Alias("GetHandover")] Task<Handover?> GetHandover();
}
