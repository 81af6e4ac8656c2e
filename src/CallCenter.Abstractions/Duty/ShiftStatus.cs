namespace CallCenter.Duty;

/// <summary>
/// Scheduled → Open (check-in window) → CheckedIn → CheckedOut; Open → NoShow (the backup may still check in) → Missed
/// when the shift ends with no one; Cancelled when a republished roster no longer has the shift.
/// </summary>
public enum ShiftStatus
{
    Scheduled,
    Open,
    CheckedIn,
    CheckedOut,
    NoShow,
    Missed,
    Cancelled,
}
