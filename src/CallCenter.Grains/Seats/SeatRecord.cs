namespace CallCenter.Seats;

/// <summary>What a seat persists. Plain properties so the stored JSON is readable.</summary>
[GenerateSerializer]
public sealed class SeatRecord
{
    [Id(0)] public SeatDefinition? Definition { get; set; }
    [Id(1)] public string? Agent { get; set; }
    [Id(2)] public SeatState State { get; set; } = SeatState.LoggedOut;
    [Id(3)] public string? Reason { get; set; }
    [Id(4)] public DateTimeOffset Since { get; set; }
    [Id(5)] public string? CallId { get; set; }
    [Id(6)] public string? OfferQueue { get; set; }
    [Id(7)] public bool PhoneRegistered { get; set; }
    [Id(8)] public bool WantsReady { get; set; }
    [Id(9)] public int MissedInRow { get; set; }
    [Id(10)] public DateTimeOffset IdleSince { get; set; }
    [Id(11)] public DateTimeOffset? WrapUpEndsAt { get; set; }
    [Id(12)] public DateOnly Day { get; set; }
    [Id(13)] public int CallsToday { get; set; }
    [Id(14)] public double TalkSecondsToday { get; set; }
    [Id(15)] public int MissedToday { get; set; }
    [Id(16)] public Dictionary<string, double> NotReadySecondsToday { get; set; } = [];
    [Id(17)] public MonitorMode Monitoring { get; set; }
    [Id(18)] public string? MonitoredBy { get; set; }
    [Id(19)] public List<SeatMessage> Messages { get; set; } = [];

    /// <summary>When the current call was connected: handle time runs from here to the end of wrap-up.</summary>
    [Id(20)] public DateTimeOffset? ConnectedAt { get; set; }

    /// <summary>
    /// Calls whose wrap-up ended here but which may not have heard it yet: written with the change that ended the
    /// wrap-up, retried until the call takes it (a call's silo may die at that moment).
    /// </summary>
    [Id(21)] public List<string> CallsToRelease { get; set; } = [];

    /// <summary>Ended state spans not yet confirmed in the query store (written with the change that ended them).</summary>
    [Id(22)] public List<SeatSpan> SpansToWrite { get; set; } = [];
}
