namespace CallCenter.Routing;

/// <summary>A queue (business line) and its ACD: holds waiting calls and offers each to one seat at a time.</summary>
[Alias("CallCenter.Routing.IQueueGrain")]
public interface IQueueGrain : IGrainWithStringKey
{
    [Alias("Define")] Task<QueueDefinition> Define(QueueDefinition definition);

    /// <summary>The definition; throws <see cref="NotConfiguredException"/> for a queue never defined.</summary>
    [AlwaysInterleave, Alias("GetDefinition")] Task<QueueDefinition> GetDefinition();

    [AlwaysInterleave, Alias("GetStats")] Task<QueueStats> GetStats();

    /// <summary>The calls waiting or ringing here that the softswitch still carries (callbacks are not on the switch).</summary>
    [AlwaysInterleave, Alias("LiveCalls")] Task<IReadOnlyList<string>> LiveCalls();

    /// <summary>
    /// Adds a call (idempotent), offers it if a seat is free, and returns once the waiting call is durable. Interleaves
    /// with the queue's other work: many new calls wait for the same write.
    /// </summary>
    [AlwaysInterleave, Alias("Enqueue")] Task Enqueue(QueuedCall call);

    /// <summary>Takes a call overflowing from another queue; one-way so two queues never wait on each other.</summary>
    [OneWay, Alias("AcceptOverflow")] Task AcceptOverflow(QueuedCall call);

    /// <summary>Tells the queue how a call that was in it ended: answered, abandoned or switched to callback.</summary>
    [Alias("CallLeft")] Task CallLeft(string callId, QueueExit exit, string? seatId);

    /// <summary>A seat reports its availability; never awaited by the seat, so seat and queue never wait on each other.</summary>
    [OneWay, Alias("SeatChanged")] Task SeatChanged(SeatAvailability availability);

    /// <summary>A seat finished the after-call work of a call from this queue: talk plus wrap-up took <paramref name="seconds"/>.</summary>
    /// <remarks>Sent by seats of an earlier release (during a rolling update); seats now send <see cref="SeatFinishedCall"/>.</remarks>
    [OneWay, Alias("CallHandled")] Task CallHandled(string callId, double seconds);

    /// <summary>
    /// A seat finished the after-call work of a call from this queue (talk plus wrap-up took <paramref name="seconds"/>)
    /// and, once that is durable, stands as <paramref name="seat"/> says (null: it no longer serves this queue).
    /// </summary>
    [OneWay, Alias("SeatFinishedCall")] Task SeatFinishedCall(string callId, double seconds, SeatAvailability? seat);
}
