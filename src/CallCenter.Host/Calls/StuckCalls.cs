namespace CallCenter.Host;

/// <summary>
/// Ends what the platform still thinks is live but the softswitch no longer carries: one seat's call (a
/// supervisor's clear-stuck) or every call missing from the switch's own list of active calls.
/// </summary>
public static class StuckCalls
{
    /// <summary>Ends the call as if the switch had reported its end; a call that already ended is left as it is.</summary>
    public static async Task<CallSnapshot> End(IGrainFactory grains, string callId)
    {
        try
        {
            return await grains.GetGrain<ICtiGateway>(0).CallEnded(callId);
        }
        catch (IllegalTransitionException)
        {
            return await grains.GetGrain<ICallGrain>(callId).Get();
        }
    }

    /// <summary>Frees a seat held by a call: ends the call, lets go of an offer or a connection the call no longer has, and ends wrap-up.</summary>
    public static async Task<SeatSnapshot> Clear(IGrainFactory grains, string seatId, string callId, string supervisor)
    {
        await End(grains, callId);
        var routing = grains.GetGrain<ISeatRoutingGrain>(seatId);
        var seat = await grains.GetGrain<ISeatGrain>(seatId).Get();
        if (seat.CallId == callId && seat.State == SeatState.Reserved)
        {
            await routing.OfferWithdrawn(callId);
        }
        else if (seat.CallId == callId && seat.State == SeatState.OnCall)
        {
            await routing.CallEnded(callId);
        }

        seat = await grains.GetGrain<ISeatGrain>(seatId).Get();
        return seat.State == SeatState.WrapUp
            ? await grains.GetGrain<ISeatSupervisionGrain>(seatId).Force(SeatState.NotReady, NotReadyReasons.Forced, supervisor)
            : seat;
    }

    /// <summary>The calls the platform holds as waiting, ringing or connected: from every seat and queue on the board.</summary>
    public static async Task<IReadOnlyCollection<string>> Live(IGrainFactory grains)
    {
        var board = await grains.GetGrain<CallCenter.Monitoring.IMonitorBoard>(0).Snapshot();
        var live = board.Seats.Where(s => s.State is SeatState.Reserved or SeatState.OnCall).Select(s => s.CallId).OfType<string>().ToHashSet();
        foreach (var queue in board.Queues)
        {
            live.UnionWith(await grains.GetGrain<IQueueGrain>(queue.QueueId).LiveCalls());
        }

        return live;
    }
}
