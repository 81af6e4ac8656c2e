namespace CallCenter.Calls;

public enum CallEventKind
{
    Offer,
    OfferRevoked,
    Answer,
    Hold,
    Retrieve,
    HangUp,
    WrapUpDone,
    Abandon,
    RequestCallback,
    Overflow,
}
