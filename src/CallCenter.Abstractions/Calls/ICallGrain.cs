namespace CallCenter.Calls;

/// <summary>One call's life and timeline. Keyed by the softswitch's call id.</summary>
[Alias("CallCenter.Calls.ICallGrain")]
public interface ICallGrain : IGrainWithStringKey
{
    /// <summary>The call enters its first queue. Repeating the same arrival is harmless.</summary>
    [Alias("Arrive")] Task<CallSnapshot> Arrive(CallArrival arrival);

    /// <summary>Applies one step of the call's state machine (offer, answer, hold, hang-up…).</summary>
    [Alias("Apply")] Task<CallSnapshot> Apply(CallEvent change);

    /// <summary>Attaches the recording the softswitch made of this call.</summary>
    [Alias("AttachRecording")] Task<CallSnapshot> AttachRecording(RecordingReference recording);

    [Alias("Get")] Task<CallSnapshot> Get();
}
