using CallCenter.LoadTests.Failover;
using Xunit.Abstractions;

namespace CallCenter.Host.Tests;

/// <summary>
/// The short version of <c>loadtests failover</c>: three host processes on the private PostgreSQL under softswitch
/// traffic, SIGKILL of the host holding the wallboard's board and the CTI command bus (of both hosts at once when a
/// host joining moved one of them). Asserted on events: after the
/// death is declared the next offer reaches the surviving adapters, every surviving wallboard fetches a snapshot and
/// no tile is wrong after it, and once traffic stops no call is lost or stuck and no seat is left in a call.
/// </summary>
public sealed class FailoverDrillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_host_with_the_board_and_the_command_bus_loses_no_offer_after_the_death_is_declared_and_no_call()
    {
        var server = TestPostgres.Server;
        var membership = new Dictionary<string, string>
        {
            ["ProbeTimeout"] = "00:00:01",
            ["NumMissedProbesLimit"] = "2",
            ["NumVotesForDeathDeclaration"] = "1",
        };
        var log = new StringWriter();
        FailoverReport report;
        try
        {
            report = await new FailoverDrill(
                new FailoverDrill.Options(server, Seats: 8, CallsPerSecond: 2, WarmSeconds: 8, ObserveSeconds: 10, Kills: 1, FullRestart: false,
                    TalkSeconds: 1, WallboardToleranceSeconds: 2, Membership: membership),
                log).Run();
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        output.WriteLine(report.ToString());
        var kill = Assert.Single(report.Kills);
        Assert.True(kill.WallboardsSurviving >= 1, kill.Victim);
        Assert.NotNull(kill.FirstOfferAfterDeclarationSeconds);
        Assert.Equal(0, kill.OffersUndeliveredOutsideDetection);
        Assert.Equal(kill.WallboardsSurviving, kill.WallboardsWithSnapshotAfterKill);
        Assert.Equal(0, kill.WrongTilesAfterThatSnapshot);
        Assert.True(report.CallsPosted > 20, $"{report.CallsPosted} calls posted");
        Assert.Equal((0, 0, 0, 0), (report.CallsRefused, report.CallsLost, report.CallsStuck, report.SeatsStuck));
        Assert.Equal(report.CallsPosted, report.CallsEnded);
    }
}
