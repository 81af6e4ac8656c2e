namespace CallCenter.Routing;

public static class CtiCommandKinds
{
    public const string Offer = "offer";
    public const string CancelOffer = "cancel-offer";
}
