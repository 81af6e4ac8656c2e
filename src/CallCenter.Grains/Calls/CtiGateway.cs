namespace CallCenter.Calls;

/// <summary>
/// The <see cref="CtiFlow"/> as a grain, for callers that are not a host's CTI endpoints (tools, tests, a client of
/// the cluster). It holds nothing, so one activation per silo serves every event at once (a worker per core, one
/// event each, would queue events behind storage writes).
/// </summary>
[StatelessWorker(1), Reentrant]
[GrainType("cti-gateway")]
public sealed class CtiGateway(ILogger<CtiFlow> logger) : Grain, ICtiGateway
{
    private CtiFlow? flow;

    private CtiFlow Flow => flow ??= new CtiFlow(GrainFactory, logger);

    Task<CallSnapshot> ICtiGateway.CallArrived(string callId, CallArrival arrival) => Flow.CallArrived(callId, arrival);

    Task<CallSnapshot> ICtiGateway.CallAnswered(string callId, string seatId) => Flow.CallAnswered(callId, seatId);

    Task<CallSnapshot> ICtiGateway.CallHeld(string callId, bool held) => Flow.CallHeld(callId, held);

    Task<CallSnapshot> ICtiGateway.CallEnded(string callId) => Flow.CallEnded(callId);

    Task<CallSnapshot> ICtiGateway.CallAbandoned(string callId) => Flow.CallAbandoned(callId);

    Task<CallSnapshot> ICtiGateway.CallbackRequested(string callId) => Flow.CallbackRequested(callId);
}
