namespace CallCenter.Seats;

public enum SeatState
{
    LoggedOut,
    NotReady,
    Ready,
    Reserved,
    OnCall,
    WrapUp,
}
