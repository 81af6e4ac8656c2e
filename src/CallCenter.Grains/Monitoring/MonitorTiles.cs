namespace CallCenter.Monitoring;

public static class MonitorTiles
{
    public static SeatTile Seat(SeatSnapshot s) => new(
        s.SeatId, s.Definition.Name, s.Definition.Department, s.Definition.Remote, s.Agent, s.State, s.Reason, s.Since,
        s.CallId, s.CallQueue, s.PhoneRegistered, s.Today, s.Definition.Skills.Select(k => k.Queue).ToArray(), s.Monitoring, s.MonitoredBy);

    public static QueueTile Queue(string queueId, QueueDefinition definition, QueueStats stats, DateTimeOffset at) =>
        new(queueId, definition.Name, definition.ServiceLevelSeconds, stats, at);
}
