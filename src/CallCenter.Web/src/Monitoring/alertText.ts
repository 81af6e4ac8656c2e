import { elapsed } from "../shared/api";
import { language, reasonName } from "../shared/i18n";
import type { Alert } from "../shared/types";

// An alert in the reader's language, from its kind and parts (durations run live from "since"); the server's
// English message only for a kind this page does not know.
const texts: Record<"zh" | "en", Record<string, string>> = {
  zh: {
    NotReadyTooLong: "{seat}（{agent}）示忙（{reason}）已 {for}", OnCallTooLong: "{seat}（{agent}）单次通话已 {for}",
    WrapUpTooLong: "{seat}（{agent}）话后处理已 {for}", RemotePhoneOffline: "{seat}（{agent}）：远程 IP 话机离线",
    ServiceLevelBelowTarget: "{queue}：服务水平 {level}% 低于目标 {target}%", LongestWaitTooLong: "{queue}：有来电已等待 {for}",
    DutyOfficerLate: "{department} {shift}：{officer} 迟到，班次 {start} 开始", DutyNoShow: "{department} {shift}：{officer} 未到岗，已通知备岗 {backup} 顶岗",
  },
  en: {
    NotReadyTooLong: "{seat} ({agent}) has been not ready ({reason}) for {for}", OnCallTooLong: "{seat} ({agent}) has been on one call for {for}",
    WrapUpTooLong: "{seat} ({agent}) has been in wrap-up for {for}", RemotePhoneOffline: "{seat} ({agent}): the remote IP phone is offline",
    ServiceLevelBelowTarget: "{queue}: service level {level}% is below the {target}% target", LongestWaitTooLong: "{queue}: a caller has waited {for}",
    DutyOfficerLate: "{department} {shift}: {officer} is late: the shift started at {start}", DutyNoShow: "{department} {shift}: {officer} did not check in; backup {backup} asked to cover",
  },
};

export function alertText(alert: Alert, now = Date.now()): string {
  const template = texts[language()][alert.kind];
  const args = alert.args;
  if (!template || !args) return alert.message;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    switch (name) {
      case "for": return args.since ? elapsed(args.since, alert.clearedAt ? Date.parse(alert.clearedAt) : now) : "";
      case "reason": return reasonName(args.reason);
      case "agent": return args.agent || "—";
      case "backup": return args.backup || "—";
      case "start": return args.start ? new Date(args.start).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "";
      default: return args[name] ?? "";
    }
  });
}
