using System.Security.Claims;
using CallCenter.Duty;

namespace CallCenter.Host;

/// <summary>The duty page's view of the signed-in person: their shifts, the one they are checked in to, their notices.</summary>
public static class MyDutyApi
{
    public sealed record MyDuty(string User, ShiftView? Active, IReadOnlyList<ShiftView> Shifts, IReadOnlyList<DutyNotice> Notices);

    public static RouteGroupBuilder MapMyDutyApi(this RouteGroupBuilder group)
    {
        group.MapGet("/me", Me);
        return group;
    }

    /// <summary>Shifts from twelve hours ago on (at most 40), so today's finished ones still show.</summary>
    private static async Task<Ok<MyDuty>> Me(ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var name = user.Identity!.Name!;
        var officer = grains.GetGrain<IDutyOfficerGrain>(name);
        var ids = (await officer.Shifts(clock.Now.AddHours(-12))).Take(40);
        var shifts = await Task.WhenAll(ids.Select(id => grains.GetGrain<IShiftGrain>(id).Get()));
        var activeId = await officer.ActiveShift();
        var active = activeId is null ? null : shifts.FirstOrDefault(s => s.Plan.Shift.ShiftId == activeId) ?? await grains.GetGrain<IShiftGrain>(activeId).Get();
        var current = shifts.Where(s => s.Status != ShiftStatus.Cancelled).ToArray();
        return TypedResults.Ok(new MyDuty(name, active, current, await officer.Notices()));
    }
}
