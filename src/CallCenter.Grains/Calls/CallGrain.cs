namespace CallCenter.Calls;

[GrainType("call")]
public sealed class CallGrain(
    [PersistentState("call", StorageNames.Grains)] IPersistentState<CallRecord> call,
    CallCenterClock clock,
    ICallRecords records) : Grain, ICallGrain
{
    /// <summary>
    /// How long a call read back after its end (a recording, a look from the desktop) stays in memory. A call leaves
    /// memory with the turn that ends it: nothing in the flow asks it again (the gateway gets the ended call from the
    /// seat that ended its wrap-up). Without this every call of the day stayed in memory for Orleans' idle age: at a busy
    /// centre's rate, a heap growing by megabytes a second; and a call still in memory at a collection is copied into the
    /// older generations (at 1,000 calls a second, a one-second stay made each collection pause ~28 ms).
    /// </summary>
    private static readonly TimeSpan EndedCallStays = TimeSpan.FromMilliseconds(150);

    private IGrainTimer? leaving;

    private string Id => this.GetPrimaryKeyString();
    private CallRecord C => call.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        LeaveOnceEnded();
        return Task.CompletedTask;
    }

    async Task<CallSnapshot> ICallGrain.Arrive(CallArrival arrival)
    {
        if (C.Timeline.Count > 0)
        {
            if (C.Caller != arrival.Caller || C.Timeline[0].Queue != arrival.Queue)
            {
                throw new IllegalTransitionException("Call", Id, C.State.ToString(), "arrive again with different details");
            }

            if (C.Timeline.Count == 1)
            {
                // Not moved on since it arrived: written again, as the first write may be what failed.
                await call.WriteStateAsync();
            }

            return Snapshot();
        }

        C.Caller = arrival.Caller;
        C.Queue = arrival.Queue;
        C.Priority = arrival.Priority;
        C.State = CallState.Queued;
        C.Timeline.Add(new CallTimelineEntry(CallState.Queued, clock.Now, arrival.Queue, null, null));
        await call.WriteStateAsync();
        return Snapshot();
    }

    async Task<CallSnapshot> ICallGrain.Apply(CallEvent change)
    {
        RequireExists();
        if (CallTransitions.IsRepeat(C.State, change.Kind) && (change.SeatId is null || change.SeatId == C.SeatId || change.Kind != CallEventKind.Answer))
        {
            // A repeated end writes the call's record again (the first write may be what failed).
            return await Recorded(Snapshot());
        }

        var next = CallTransitions.Next(Id, C.State, change.Kind);
        var now = clock.Now;
        switch (change.Kind)
        {
            case CallEventKind.Answer when change.SeatId != C.SeatId:
                throw new IllegalTransitionException("Call", Id, $"{C.State} to seat '{C.SeatId}'", $"be answered by seat '{change.SeatId}'");
            case CallEventKind.WrapUpDone when change.SeatId is not null && change.SeatId != C.SeatId:
                throw new IllegalTransitionException("Call", Id, $"{C.State} at seat '{C.SeatId}'", $"end the wrap-up of seat '{change.SeatId}'");
            case CallEventKind.Offer:
                C.SeatId = change.SeatId;
                C.OfferedAgent = change.Agent;
                break;
            case CallEventKind.Answer:
                C.Agent ??= C.OfferedAgent;
                break;
            case CallEventKind.OfferRevoked:
                C.SeatId = C.OfferedAgent = null;
                next = C.Callback ? CallState.CallbackRequested : CallState.Queued;
                break;
            case CallEventKind.RequestCallback:
                C.Callback = true;
                C.SeatId = null;
                break;
            case CallEventKind.Abandon:
                C.SeatId = null;
                break;
            case CallEventKind.Overflow:
                C.Timeline.Add(new CallTimelineEntry(CallState.Overflowed, now, C.Queue, null, $"to {change.Queue}"));
                C.Queue = change.Queue;
                break;
        }

        C.State = next;
        C.Timeline.Add(new CallTimelineEntry(next, now, C.Queue, C.SeatId, change.Note));
        await call.WriteStateAsync();
        if (CallTransitions.IsTerminal(next))
        {
            DeactivateOnIdle();
        }

        return await Recorded(Snapshot());
    }

    /// <summary>A call that has ended is written to history before its end is acknowledged.</summary>
    private async Task<CallSnapshot> Recorded(CallSnapshot snapshot)
    {
        if (CallTransitions.IsTerminal(snapshot.State) || snapshot.State == CallState.CallbackRequested)
        {
            await records.Write(CallDetails.From(snapshot, clock));
        }

        return snapshot;
    }

    async Task<CallSnapshot> ICallGrain.AttachRecording(RecordingReference recording)
    {
        RequireExists();
        C.Recording = recording;
        await call.WriteStateAsync();
        return await Recorded(Snapshot()); // a recording posted after the end reaches the call's record too
    }

    Task<CallSnapshot> ICallGrain.Get()
    {
        RequireExists();
        return Task.FromResult(Snapshot());
    }

    private void LeaveOnceEnded()
    {
        if (CallTransitions.IsTerminal(C.State))
        {
            leaving ??= this.RegisterGrainTimer(() =>
            {
                DeactivateOnIdle();
                return Task.CompletedTask;
            }, new GrainTimerCreationOptions(EndedCallStays, Timeout.InfiniteTimeSpan));
        }
    }

    private void RequireExists()
    {
        if (C.Timeline.Count == 0)
        {
            throw new NotConfiguredException("Call", Id);
        }
    }

    private CallSnapshot Snapshot() =>
        new(Id, C.Caller!, C.State, C.Queue!, C.Priority, C.SeatId, C.Callback, C.Recording, C.Timeline.ToArray(), C.Agent);
}
