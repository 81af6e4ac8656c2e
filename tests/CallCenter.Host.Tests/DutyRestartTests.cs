using CallCenter.Duty;

namespace CallCenter.Host.Tests;

public sealed class DutyRestartTests
{
    [Fact]
    public async Task A_restart_in_the_middle_of_a_shift_changes_nothing_and_the_wallboard_shows_the_officer_checked_in()
    {
        var dataDir = RunningHost.NewDataDir();
        DutyScenario duty;
        System.Text.Json.JsonElement before;
        await using (var host = await RunningHost.Start(dataDir))
        {
            duty = await DutyScenario.Publish(host);
            before = await (await host.As("duty1")).PostAsJsonAsync(duty.ShiftPath + "/check-in", new { device = "desk" }).Ok();
        }

        await using (var host = await RunningHost.Start(dataDir))
        {
            var officer = await host.As("duty1");
            var after = await officer.GetAsync(duty.ShiftPath).Ok();
            Assert.Equal(("CheckedIn", before.Str("checkedInAt")), (after.Str("status"), after.Str("checkedInAt")));
            Assert.Single(after.GetProperty("clock").EnumerateArray());
            Assert.Contains((await officer.GetAsync("/api/v1/duty/now?department=tax").Ok()).EnumerateArray(), t => t.Str("checkedInBy") == "duty1");

            await using var wallboard = await Wallboard.Connect(host, "supervisor");
            var snapshot = await wallboard.SnapshotWhen(s => s.Duty?.Any(d => d.ShiftId.StartsWith(duty.Rotation)) == true);
            var tile = snapshot.Duty!.Single(d => d.ShiftId.StartsWith(duty.Rotation));
            Assert.Equal((ShiftStatus.CheckedIn, "duty1", "纳税服务科"), (tile.Status, tile.CheckedInBy, tile.DepartmentName));

            await officer.PostAsJsonAsync(duty.ShiftPath + "/check-out", new { notes = "交接完毕" }).Ok();
            await wallboard.WaitFor(b => b.Duty?.Any(d => d.ShiftId.StartsWith(duty.Rotation) && d.Status == ShiftStatus.CheckedOut) == true);
        }
    }
}
