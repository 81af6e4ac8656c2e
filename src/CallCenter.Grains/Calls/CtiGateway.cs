namespace CallCenter.Calls;

/// <summary>
/// Orders each softswitch event across the call, seat and queue grains: call first, then seat, then queue.
/// Nothing calls the gateway back, so no grain ever waits on one that waits on it. It holds nothing, so one activation
/// per host serves every event at once (a worker per core, one event each, would queue events behind storage writes).
/// </summary>
[StatelessWorker(1), Reentrant]
[GrainType("cti-gateway")]
public sealed class CtiGateway(ILogger<CtiGateway> logger) : Grain, ICtiGateway
{
    /// <summary>Queues seen defined. A queue is never undefined again, so each is asked once per activation, not per call.</summary>
    private readonly HashSet<string> definedQueues = [];

    async Task<CallSnapshot> ICtiGateway.CallArrived(string callId, CallArrival arrival)
    {
        var queue = GrainFactory.GetGrain<IQueueGrain>(arrival.Queue);
        if (!definedQueues.Contains(arrival.Queue))
        {
            await queue.GetDefinition(); // throws for a queue never defined: no call is created for it
            definedQueues.Add(arrival.Queue);
        }

        var call = await Call(callId).Arrive(arrival);
        if (call.State == CallState.Queued && call.Queue == arrival.Queue && call.Timeline.Count == 1)
        {
            await queue.Enqueue(new QueuedCall(callId, arrival.Caller, arrival.Priority, call.Timeline[0].At));
        }

        return call;
    }

    async Task<CallSnapshot> ICtiGateway.CallAnswered(string callId, string seatId)
    {
        var call = await Call(callId).Apply(new CallEvent(CallEventKind.Answer, seatId));
        await GrainFactory.GetGrain<ISeatRoutingGrain>(seatId).Connect(callId);
        await GrainFactory.GetGrain<IQueueGrain>(call.Queue).CallLeft(callId, QueueExit.Answered, seatId);
        return call;
    }

    Task<CallSnapshot> ICtiGateway.CallHeld(string callId, bool held) =>
        Call(callId).Apply(new CallEvent(held ? CallEventKind.Hold : CallEventKind.Retrieve));

    async Task<CallSnapshot> ICtiGateway.CallEnded(string callId)
    {
        CallSnapshot call;
        try
        {
            call = await Call(callId).Apply(new CallEvent(CallEventKind.HangUp));
        }
        catch (IllegalTransitionException)
        {
            if ((await Call(callId).Get()).State is not (CallState.Queued or CallState.Offered or CallState.CallbackRequested))
            {
                throw;
            }

            // The caller hung up before anyone answered.
            return await ((ICtiGateway)this).CallAbandoned(callId);
        }

        if (call.SeatId is { } seatId && call.State == CallState.WrapUp)
        {
            try
            {
                // A seat with no wrap-up ends the call's at once and hands back the call as that left it.
                return await GrainFactory.GetGrain<ISeatRoutingGrain>(seatId).CallHungUp(callId) ?? call;
            }
            catch (IllegalTransitionException)
            {
                // The seat is not on this call (its connect was lost, or a supervisor cleared the seat): there is no
                // wrap-up to wait for, so the call ends here instead of waiting in WrapUp for ever.
                logger.LogWarning("Call {Call} ended but seat {Seat} was not on it: ending its wrap-up (repaired)", callId, seatId);
                return await Call(callId).Apply(new CallEvent(CallEventKind.WrapUpDone, seatId));
            }
        }

        return call;
    }

    async Task<CallSnapshot> ICtiGateway.CallAbandoned(string callId)
    {
        var call = await Call(callId).Apply(new CallEvent(CallEventKind.Abandon));
        await GrainFactory.GetGrain<IQueueGrain>(call.Queue).CallLeft(callId, QueueExit.Abandoned, null);
        return call;
    }

    async Task<CallSnapshot> ICtiGateway.CallbackRequested(string callId)
    {
        var call = await Call(callId).Apply(new CallEvent(CallEventKind.RequestCallback));
        await GrainFactory.GetGrain<IQueueGrain>(call.Queue).CallLeft(callId, QueueExit.CallbackRequested, null);
        return call;
    }

    private ICallGrain Call(string callId) => GrainFactory.GetGrain<ICallGrain>(callId);
}
