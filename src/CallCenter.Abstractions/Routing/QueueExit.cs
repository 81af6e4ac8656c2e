namespace CallCenter.Routing;

public enum QueueExit
{
    Answered,
    Abandoned,
    CallbackRequested,
}
