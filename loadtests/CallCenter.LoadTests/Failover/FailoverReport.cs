namespace CallCenter.LoadTests.Failover;

/// <summary>One kill of the host(s) holding the wallboard's board and the command bus: what the survivors saw.</summary>
public sealed record KillReport(
    string Victim,
    bool OneHost,
    int WallboardsSurviving,
    double DeclaredDeadAfterSeconds,
    double? FirstOfferAfterDeclarationSeconds,
    int OffersUndelivered,
    int OffersUndeliveredOutsideDetection,
    int OffersRungLate,
    double WallboardRightAfterDeclarationSeconds,
    int WallboardsWithSnapshotAfterKill,
    int WrongTilesAfterThatSnapshot,
    int SeatsParkedMissed);

/// <summary>Every host stopped at once and started together again.</summary>
public sealed record RestartReport(
    double AllHealthyAfterSeconds,
    double WallboardRightAfterHealthySeconds,
    int CallsUnreadable,
    int SeatsNotAsBefore,
    int OffersUndelivered,
    int CallsNotEnded);

public sealed record FailoverReport(
    IReadOnlyList<KillReport> Kills,
    RestartReport? Restart,
    int CallsPosted,
    int CallsRefused,
    int CallsEnded,
    int CallsLost,
    int CallsStuck,
    int SeatsStuck,
    int OffersReceived)
{
    public override string ToString()
    {
        var lines = new List<string>
        {
            $"calls posted {CallsPosted}, refused {CallsRefused}, ended {CallsEnded}, lost {CallsLost}, stuck {CallsStuck}; seats stuck {SeatsStuck}; offers received {OffersReceived}",
        };
        foreach (var (kill, n) in Kills.Select((k, i) => (k, i + 1)))
        {
            lines.Add($"kill {n}: {kill.Victim} (board and command bus{(kill.OneHost ? "" : " on two hosts killed together")}): dead declared after {kill.DeclaredDeadAfterSeconds:F1} s; " +
                $"first offer received {kill.FirstOfferAfterDeclarationSeconds:F2} s after it; offers undelivered {kill.OffersUndelivered} ({kill.OffersUndeliveredOutsideDetection} outside detection), rung over 1 s late {kill.OffersRungLate}; " +
                $"wallboards right {kill.WallboardRightAfterDeclarationSeconds:F1} s after it ({kill.WallboardsWithSnapshotAfterKill} of {kill.WallboardsSurviving} loaded a new snapshot, {kill.WrongTilesAfterThatSnapshot} wrong tiles after it); seats parked missed {kill.SeatsParkedMissed}");
        }

        if (Restart is { } r)
        {
            lines.Add($"full restart: all healthy after {r.AllHealthyAfterSeconds:F1} s; wallboards right {r.WallboardRightAfterHealthySeconds:F1} s later; calls unreadable {r.CallsUnreadable}; " +
                $"seats not as before {r.SeatsNotAsBefore}; then offers undelivered {r.OffersUndelivered}, calls not ended {r.CallsNotEnded}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
