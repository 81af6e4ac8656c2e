namespace CallCenter.Monitoring;

/// <summary>Which alert conditions hold right now, from the board's tiles. Pure, so every rule is tested directly.</summary>
public static class AlertEvaluator
{
    /// <summary>The alerts that hold at <paramref name="now"/>, by key, as if raised now.</summary>
    public static Dictionary<string, Alert> Holding(
        IEnumerable<SeatTile> seats, IEnumerable<QueueTile> queues, AlertRules rules, DateTimeOffset now)
    {
        var holding = new Dictionary<string, Alert>();
        foreach (var seat in seats)
        {
            var seconds = (now - seat.Since).TotalSeconds;
            var who = $"{seat.Name} ({seat.Agent ?? "no agent"})";
            Check(seat.State == SeatState.NotReady && seat.Reason != NotReadyReasons.PhoneOffline, rules.NotReadyMaxSeconds, AlertKind.NotReadyTooLong, $"{who} has been NotReady ({seat.Reason}) for {Minutes(seconds)}");
            Check(seat.State == SeatState.OnCall, rules.OnCallMaxSeconds, AlertKind.OnCallTooLong, $"{who} has been on one call for {Minutes(seconds)}");
            Check(seat.State == SeatState.WrapUp, rules.WrapUpMaxSeconds, AlertKind.WrapUpTooLong, $"{who} has been in wrap-up for {Minutes(seconds)}");
            if (rules.RemotePhoneOffline && seat.Remote && !seat.PhoneRegistered && seat.State != SeatState.LoggedOut)
            {
                Raise(AlertKind.RemotePhoneOffline, $"{who}: the remote IP phone is offline");
            }

            void Check(bool condition, int limit, AlertKind kind, string message)
            {
                if (condition && limit > 0 && seconds >= limit)
                {
                    Raise(kind, message);
                }
            }

            void Raise(AlertKind kind, string message) =>
                holding[Key(kind, seat.SeatId)] = new Alert(Key(kind, seat.SeatId), kind, seat.SeatId, message, now, Department: seat.Department, Queues: seat.Queues);
        }

        foreach (var queue in queues)
        {
            var stats = queue.Stats;
            var finished = stats.Answered + stats.Abandoned;
            if (stats.ServiceLevelPercent is { } level && finished >= rules.ServiceLevelMinimumCalls && level < rules.ServiceLevelTargetPercent)
            {
                Raise(AlertKind.ServiceLevelBelowTarget, $"{queue.Name}: service level {level:0.#}% is below {rules.ServiceLevelTargetPercent:0.#}%");
            }

            var waited = stats.Waiting == 0 ? 0 : stats.LongestWaitSeconds + (now - queue.At).TotalSeconds;
            if (rules.LongestWaitMaxSeconds > 0 && waited >= rules.LongestWaitMaxSeconds)
            {
                Raise(AlertKind.LongestWaitTooLong, $"{queue.Name}: a caller has waited {Minutes(waited)}");
            }

            void Raise(AlertKind kind, string message) =>
                holding[Key(kind, queue.QueueId)] = new Alert(Key(kind, queue.QueueId), kind, queue.QueueId, message, now, Queues: [queue.QueueId]);
        }

        return holding;
    }

    /// <summary>Duty officers late to check in, and shifts that became no-shows.</summary>
    public static IEnumerable<Alert> Duty(IEnumerable<DutyTile> shifts, DateTimeOffset now)
    {
        foreach (var shift in shifts)
        {
            var who = $"{shift.DepartmentName} {shift.TemplateName}: {shift.Shift.Officer ?? "no officer"}";
            if (shift.Status == ShiftStatus.NoShow)
            {
                yield return Raise(AlertKind.DutyNoShow, $"{who} did not check in; backup {shift.Shift.Backup ?? "none"} asked to cover");
            }
            else if (shift.Status == ShiftStatus.Open && shift.Late)
            {
                yield return Raise(AlertKind.DutyOfficerLate, $"{who} is late: the shift started at {shift.Shift.Start:HH:mm}");
            }

            Alert Raise(AlertKind kind, string message) =>
                new(Key(kind, shift.ShiftId), kind, shift.ShiftId, message, now, Department: shift.DepartmentName);
        }
    }

    public static string Key(AlertKind kind, string subject) => $"{kind}:{subject}";

    private static string Minutes(double seconds) => seconds < 120 ? $"{seconds:0} s" : $"{seconds / 60:0} min";
}
