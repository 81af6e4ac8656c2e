namespace CallCenter.Calls;

/// <summary>
/// Entry point for softswitch (CTI) events: orders the calls to call, queue and seat grains so that no two grains
/// ever wait on each other.
/// </summary>
[Alias("CallCenter.Calls.ICtiGateway")]
public interface ICtiGateway : IGrainWithIntegerKey
{
    [Alias("CallArrived")] Task<CallSnapshot> CallArrived(string callId, CallArrival arrival);
    [Alias("CallAnswered")] Task<CallSnapshot> CallAnswered(string callId, string seatId);
    [Alias("CallHeld")] Task<CallSnapshot> CallHeld(string callId, bool held);
    [Alias("CallEnded")] Task<CallSnapshot> CallEnded(string callId);
    [Alias("CallAbandoned")] Task<CallSnapshot> CallAbandoned(string callId);
    [Alias("CallbackRequested")] Task<CallSnapshot> CallbackRequested(string callId);
}
