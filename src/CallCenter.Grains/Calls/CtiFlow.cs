using System.Collections.Concurrent;

namespace CallCenter.Calls;

/// <summary>
/// Orders each softswitch event across the call, seat and queue grains: call first, then seat, then queue. Nothing
/// calls it back, so no grain ever waits on one that waits on it. It holds nothing but the queues it has seen defined,
/// so the host's CTI endpoints and hub run it in their own turn (one grain call fewer for each event than through the
/// <see cref="CtiGateway"/> grain, which runs the same flow for callers outside a host).
/// </summary>
public sealed class CtiFlow(IGrainFactory grains, ILogger<CtiFlow> logger)
{
    /// <summary>Queues seen defined. A queue is never undefined again, so each is asked once, not per call.</summary>
    private readonly ConcurrentDictionary<string, bool> definedQueues = new();

    public async Task<CallSnapshot> CallArrived(string callId, CallArrival arrival)
    {
        var queue = grains.GetGrain<IQueueGrain>(arrival.Queue);
        if (!definedQueues.ContainsKey(arrival.Queue))
        {
            await queue.GetDefinition(); // throws for a queue never defined: no call is created for it
            definedQueues.TryAdd(arrival.Queue, true);
        }

        var call = await Call(callId).Arrive(arrival);
        if (call.State == CallState.Queued && call.Queue == arrival.Queue && call.Timeline.Count == 1)
        {
            await queue.Enqueue(new QueuedCall(callId, arrival.Caller, arrival.Priority, call.Timeline[0].At));
        }

        return call;
    }

    public async Task<CallSnapshot> CallAnswered(string callId, string seatId)
    {
        var call = await Call(callId).Apply(new CallEvent(CallEventKind.Answer, seatId));
        await grains.GetGrain<ISeatRoutingGrain>(seatId).Connect(callId);
        await grains.GetGrain<IQueueGrain>(call.Queue).CallLeft(callId, QueueExit.Answered, seatId);
        return call;
    }

    public Task<CallSnapshot> CallHeld(string callId, bool held) =>
        Call(callId).Apply(new CallEvent(held ? CallEventKind.Hold : CallEventKind.Retrieve));

    public async Task<CallSnapshot> CallEnded(string callId)
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
            return await CallAbandoned(callId);
        }

        if (call.SeatId is { } seatId && call.State == CallState.WrapUp)
        {
            try
            {
                // A seat with no wrap-up ends the call's at once and hands back the call as that left it.
                return await grains.GetGrain<ISeatRoutingGrain>(seatId).CallHungUp(callId) ?? call;
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

    public async Task<CallSnapshot> CallAbandoned(string callId)
    {
        var call = await Call(callId).Apply(new CallEvent(CallEventKind.Abandon));
        await grains.GetGrain<IQueueGrain>(call.Queue).CallLeft(callId, QueueExit.Abandoned, null);
        return call;
    }

    public async Task<CallSnapshot> CallbackRequested(string callId)
    {
        var call = await Call(callId).Apply(new CallEvent(CallEventKind.RequestCallback));
        await grains.GetGrain<IQueueGrain>(call.Queue).CallLeft(callId, QueueExit.CallbackRequested, null);
        return call;
    }

    private ICallGrain Call(string callId) => grains.GetGrain<ICallGrain>(callId);
}
