using CallCenter.Calls;

namespace CallCenter.Seats;

/// <summary>The seat as the ACD and the call see it. Same grain as <see cref="ISeatGrain"/>.</summary>
[Alias("CallCenter.Seats.ISeatRoutingGrain")]
public interface ISeatRoutingGrain : IGrainWithStringKey
{
    /// <summary>Ready → Reserved for this call: the agent who will take it, or null if the seat is not Ready (it never holds two offers).</summary>
    [Alias("TryReserve")] Task<string?> TryReserve(string callId, string queue);

    /// <summary>The offer was not answered in time: counts a miss and frees the seat. No-op if the seat moved on.</summary>
    [Alias("OfferTimedOut")] Task OfferTimedOut(string callId);

    /// <summary>The offer was withdrawn without the seat's fault (caller hung up). No-op if the seat moved on.</summary>
    [Alias("OfferWithdrawn")] Task OfferWithdrawn(string callId);

    /// <summary>Reserved → OnCall.</summary>
    [Alias("Connect")] Task Connect(string callId);

    /// <summary>OnCall → WrapUp when the call's audio ends.</summary>
    [Alias("CallEnded")] Task CallEnded(string callId);

    /// <summary>
    /// OnCall → WrapUp when the call's audio ends. With no wrap-up configured the seat is Ready at once and has ended the
    /// call's wrap-up too: it returns the call as that left it; null while a wrap-up runs (or the call is told later).
    /// </summary>
    [Alias("CallHungUp")] Task<CallSnapshot?> CallHungUp(string callId);

    /// <summary>Sends the seat's availability to its queues again (a queue asks after reactivating).</summary>
    [OneWay, Alias("ReportAvailability")] Task ReportAvailability();
}
