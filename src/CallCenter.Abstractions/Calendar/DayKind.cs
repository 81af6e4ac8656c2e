namespace CallCenter.Calendar;

public enum DayKind
{
    Workday,
    Weekend,
    Holiday,
    MakeUpWorkday,
}
