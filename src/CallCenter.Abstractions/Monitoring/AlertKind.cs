namespace CallCenter.Monitoring;

public enum AlertKind
{
    NotReadyTooLong,
    OnCallTooLong,
    WrapUpTooLong,
    RemotePhoneOffline,
    ServiceLevelBelowTarget,
    LongestWaitTooLong,
    DutyOfficerLate,
    DutyNoShow,
}
