using System.Globalization;

namespace CallCenter.Monitoring;

/// <summary>Which alert conditions hold right now, from the board's tiles. Pure, so every rule is tested directly.</summary>
public static class AlertEvaluator
{
    /// <summary>
    /// The alerts that hold at <paramref name="now"/>, by key, as if raised now. An alert already <paramref name="open"/>
    /// keeps holding a little past its threshold where the rule has a margin (hysteresis).
    /// </summary>
    public static Dictionary<string, Alert> Holding(
        IEnumerable<SeatTile> seats, IEnumerable<QueueTile> queues, AlertRules rules, DateTimeOffset now, IReadOnlySet<string>? open = null)
    {
        var holding = new Dictionary<string, Alert>();
        foreach (var seat in seats)
        {
            // The board evaluates every seat with each batch of changes: a seat with nothing to say costs no text.
            var seconds = (now - seat.Since).TotalSeconds;
            AlertKind? late = seat.State switch
            {
                SeatState.NotReady when seat.Reason != NotReadyReasons.PhoneOffline && Past(rules.NotReadyMaxSeconds) => AlertKind.NotReadyTooLong,
                SeatState.OnCall when Past(rules.OnCallMaxSeconds) => AlertKind.OnCallTooLong,
                SeatState.WrapUp when Past(rules.WrapUpMaxSeconds) => AlertKind.WrapUpTooLong,
                _ => null,
            };
            if (late is { } kind)
            {
                RaiseFor(seat, kind, kind switch
                {
                    AlertKind.NotReadyTooLong => $"{Who(seat)} has been NotReady ({seat.Reason}) for {Minutes(seconds)}",
                    AlertKind.OnCallTooLong => $"{Who(seat)} has been on one call for {Minutes(seconds)}",
                    _ => $"{Who(seat)} has been in wrap-up for {Minutes(seconds)}",
                });
            }

            if (rules.RemotePhoneOffline && seat.Remote && !seat.PhoneRegistered && seat.State != SeatState.LoggedOut)
            {
                RaiseFor(seat, AlertKind.RemotePhoneOffline, $"{Who(seat)}: the remote IP phone is offline");
            }

            bool Past(int limit) => limit > 0 && seconds >= limit;
        }

        void RaiseFor(SeatTile seat, AlertKind kind, string message) =>
            holding[Key(kind, seat.SeatId)] = new Alert(Key(kind, seat.SeatId), kind, seat.SeatId, message, now, Department: seat.Department, Queues: seat.Queues, Args: new Dictionary<string, string>
            {
                ["seat"] = seat.Name, ["agent"] = seat.Agent ?? "", ["reason"] = seat.Reason ?? "", ["since"] = seat.Since.ToString("O"),
            });

        foreach (var queue in queues)
        {
            var stats = queue.Stats;
            var finished = stats.Answered + stats.Abandoned;
            var target = rules.ServiceLevelTargetPercent
                + (open?.Contains(Key(AlertKind.ServiceLevelBelowTarget, queue.QueueId)) == true ? rules.ServiceLevelClearMarginPercent : 0);
            if (stats.ServiceLevelPercent is { } level && finished >= rules.ServiceLevelMinimumCalls && level < target)
            {
                Raise(AlertKind.ServiceLevelBelowTarget, $"{queue.Name}: service level {level:0.#}% is below {rules.ServiceLevelTargetPercent:0.#}%",
                    ("level", level.ToString("0.#", CultureInfo.InvariantCulture)), ("target", rules.ServiceLevelTargetPercent.ToString("0.#", CultureInfo.InvariantCulture)));
            }

            var waited = stats.Waiting == 0 ? 0 : stats.LongestWaitSeconds + (now - queue.At).TotalSeconds;
            if (rules.LongestWaitMaxSeconds > 0 && waited >= rules.LongestWaitMaxSeconds)
            {
                Raise(AlertKind.LongestWaitTooLong, $"{queue.Name}: a caller has waited {Minutes(waited)}", ("since", now.AddSeconds(-waited).ToString("O")));
            }

            void Raise(AlertKind kind, string message, params (string Name, string Value)[] args) =>
                holding[Key(kind, queue.QueueId)] = new Alert(Key(kind, queue.QueueId), kind, queue.QueueId, message, now, Queues: [queue.QueueId],
                    Args: args.Append((Name: "queue", Value: queue.Name)).ToDictionary(a => a.Name, a => a.Value));
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
                new(Key(kind, shift.ShiftId), kind, shift.ShiftId, message, now, Department: shift.DepartmentName, Args: new Dictionary<string, string>
                {
                    ["department"] = shift.DepartmentName, ["shift"] = shift.TemplateName, ["officer"] = shift.Shift.Officer ?? "",
                    ["backup"] = shift.Shift.Backup ?? "", ["start"] = shift.Shift.Start.ToString("O"),
                });
        }
    }

    public static string Key(AlertKind kind, string subject) => $"{kind}:{subject}";

    private static string Who(SeatTile seat) => $"{seat.Name} ({seat.Agent ?? "no agent"})";

    private static string Minutes(double seconds) => seconds < 120 ? $"{seconds:0} s" : $"{seconds / 60:0} min";
}
