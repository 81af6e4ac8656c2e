namespace CallCenter.Calls;

public enum CallState
{
    Queued,
    Offered,
    Connected,
    Held,
    WrapUp,
    Ended,
    Abandoned,
    Overflowed,
    CallbackRequested,
}
