import { language } from "./i18n";

// Notices and timeline lines the server writes, said in the reader's language from their kind and parts; the
// server's English text only for a kind this page does not know.
type Catalogue = Record<"zh" | "en", Record<string, string>>;

const orderKinds: Catalogue = {
  zh: { HardQuestion: "疑难问题", TaxReport: "涉税举报", ServiceComplaint: "服务投诉", IntegrityReferral: "廉政举报", FollowUp: "回访", Correction: "纠错回电", OnSite: "上门服务" },
  en: { HardQuestion: "Hard question", TaxReport: "Tax report", ServiceComplaint: "Service complaint", IntegrityReferral: "Integrity referral", FollowUp: "Follow-up", Correction: "Correction callback", OnSite: "On-site service" },
};

const orderStatuses: Catalogue = {
  zh: { AwaitingAssignment: "待分派", InHand: "办理中", AwaitingReply: "待回复", Closed: "已办结" },
  en: { AwaitingAssignment: "To assign", InHand: "In hand", AwaitingReply: "To reply", Closed: "Closed" },
};

const satisfactionNames: Catalogue = {
  zh: { VerySatisfied: "非常满意", Satisfied: "满意", Neutral: "一般", Dissatisfied: "不满意", VeryDissatisfied: "非常不满意" },
  en: { VerySatisfied: "Very satisfied", Satisfied: "Satisfied", Neutral: "Neutral", Dissatisfied: "Dissatisfied", VeryDissatisfied: "Very dissatisfied" },
};

const assigneeLevels: Catalogue = {
  zh: { Seat: "座席", Handler: "承办人", DutyOfficer: "带班人员", Liaison: "联络员", Backup: "备岗", Head: "科室负责人", Supervisors: "班长", FollowUpPool: "回访池", ServiceSupervision: "服务监督" },
  en: { Seat: "seat", Handler: "handler", DutyOfficer: "duty officer", Liaison: "liaison", Backup: "backup", Head: "head of department", Supervisors: "supervisors", FollowUpPool: "follow-up pool", ServiceSupervision: "service supervision" },
};

const orderNotices: Catalogue = {
  zh: {
    arrived: "{kind}工单 {order} 已转至{department}：请在 {due} 前分派承办人或答复。", "due-soon": "{kind}工单 {order} 将于 {due} 到期。",
    overdue: "{kind}工单 {order} 已于 {due} 超期，已升级至 {to}。", task: "{kind}工单 {order} 交由您办理：{question}", "corrective-action": "{kind}工单 {order}：整改措施 {number} 由您负责，{due} 前完成：{action}", unsolved: "{kind}工单 {order}：回访发现问题仍未解决，转交您处理：{reason}", "handed-over": "{kind}工单 {order} 已在交接班时由 {from} 移交给 {to}。", review: "回访工单 {order}：纳税人不满意但未认定服务过错，请在 {due} 前复核。",
    assigned: "{kind}工单 {order} 已由 {by} 分派给您。", answered: "{kind}工单 {order} 已由 {by} 答复：请在 {due} 前回复纳税人。",
    veto: "{kind}工单 {order} 经认定投诉成立（一票否决）：{resolution}",
  },
  en: {
    arrived: "{kind} order {order} arrived for {department}: assign a handler or answer by {due}.", "due-soon": "{kind} order {order} is due at {due}.",
    overdue: "{kind} order {order} is overdue since {due}; escalated to {to}.", task: "{kind} order {order} is yours: {question}", "corrective-action": "{kind} order {order}: corrective action {number} is yours by {due}: {action}", unsolved: "{kind} order {order}: the follow-up found the problem unsolved and passes it to you: {reason}", "handed-over": "{kind} order {order} passed from {from} to {to} at the duty handover.", review: "Follow-up {order}: the taxpayer was dissatisfied and no service fault was found; review it by {due}.",
    assigned: "{kind} order {order} was assigned to you by {by}.", answered: "{kind} order {order} was answered by {by}: reply to the taxpayer by {due}.",
    veto: "{kind} order {order} was found valid against you (one-vote veto): {resolution}",
  },
};

const dutyNotices: Catalogue = {
  zh: {
    assigned: "您已被安排 {shift} 值班（{reason}）。", unassigned: "您不再负责 {shift} 值班（{reason}）。",
    "swap-asked": "{from} 请您代替其 {shift} 值班{note}。", "swap-accepted": "{by} 同意代替您 {shift} 值班，待科室负责人批准。",
    "swap-declined": "{by} 拒绝代替您 {shift} 值班。", "swap-approval": "{from} 与 {by} 申请调换 {shift} 值班，请审批。",
    "no-show": "{officer} 未按时签到 {shift}，已请备岗 {backup} 顶岗。", cover: "{officer} 未按时签到 {shift}：请您签到顶岗。",
    roster: "{rotation}：{from} 至 {to} 您共有 {count} 个班次。", "swap-approved": "{shift} 换班已批准：{from} → {to}（{by} 批准）。",
  },
  en: {
    assigned: "You are now on duty for {shift} ({reason}).", unassigned: "You are no longer on duty for {shift} ({reason}).",
    "swap-asked": "{from} asks you to take {shift}{note}.", "swap-accepted": "{by} accepted taking {shift}; the head of department approves next.",
    "swap-declined": "{by} declined taking {shift}.", "swap-approval": "{from} and {by} ask you to approve a swap of {shift}.",
    "no-show": "{officer} has not checked in to {shift}; the backup {backup} has been asked to cover.", cover: "{officer} has not checked in to {shift}: please check in to cover it.",
    roster: "{rotation}: you are on duty for {count} shift(s) from {from} to {to}.", "swap-approved": "The swap of {shift} is approved: {from} → {to} (by {by}).",
  },
};

const timelineActions: Catalogue = {
  zh: {
    opened: "开单", routed: "转派", assigned: "分派", answered: "答复", replied: "回复纳税人", transferred: "转办", commented: "备注",
    attached: "上传附件", resolved: "认定", surveyed: "回访", closed: "办结", overdue: "超期", escalated: "升级至", "due soon": "即将到期",
    clock: "时限", "deadline recounted": "重算时限", deadline: "重算时限", "no follow-up": "不安排回访", "knowledge draft": "知识库草稿", "complaint opened": "开立投诉", "review requested": "提请复核", review: "复核", "handed over": "交接移交", handover: "交接移交", guided: "电话辅导", guidance: "电话辅导", judged: "认定成立", "action verified": "整改核查", verify: "整改核查", "passed to the head": "转交上级领导", dispatched: "派单上门", fixed: "故障排除", "visit-record": "上门记录", reply: "回复纳税人", comment: "备注", attach: "上传附件", resolve: "认定", survey: "回访", transfer: "转办", assign: "分派", answer: "答复", open: "开单",
  },
  en: {
    opened: "opened", routed: "routed", assigned: "assigned", answered: "answered", replied: "replied to the taxpayer", transferred: "transferred",
    commented: "commented", attached: "attached", resolved: "resolved", surveyed: "surveyed", closed: "closed", overdue: "overdue", escalated: "escalated to",
    "due soon": "due soon", clock: "deadline", "deadline recounted": "deadline recounted", deadline: "deadline recounted", "no follow-up": "no follow-up", "knowledge draft": "knowledge draft", "complaint opened": "complaint opened", "review requested": "review requested", review: "reviewed", "handed over": "handed over", handover: "handed over", guided: "phone guidance", guidance: "phone guidance", judged: "judged valid", "action verified": "corrective action verified", verify: "corrective action verified", "passed to the head": "passed to the head", dispatched: "dispatched on site", fixed: "fixed", "visit-record": "visit record", reply: "replied to the taxpayer", comment: "commented", attach: "attached", resolve: "resolved", survey: "surveyed",
    transfer: "transferred", assign: "assigned", answer: "answered", open: "opened",
  },
};

const fill = (template: string, args: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => args[name] ?? "");
const moment = (at: string | undefined) => (at ? new Date(at).toLocaleString([], { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }) : "");

export const orderKind = (kind: string) => orderKinds[language()][kind] ?? kind;
export const orderStatus = (status: string) => orderStatuses[language()][status] ?? status;
export const satisfaction = (value: string) => satisfactionNames[language()][value] ?? value;
export const assigneeLevel = (level: string) => assigneeLevels[language()][level] ?? level;
export const timelineAction = (action: string) => timelineActions[language()][action] ?? action;

const timelineTexts: Catalogue = {
  zh: {
    routed: "转至{department}：{person}（{level}）", transferred: "转至{department}：{reason}", escalated: "{to}", "due soon": "{due}", overdue: "{due}",
    "no follow-up": "没有可回访的电话号码", "no follow-up anonymous": "匿名举报：不联系举报人", opened: "已告知纪检监察举报电话",
    "deadline recounted": "{years}年放假安排已发布：截止 {was} → {due}", "handed over": "{from} → {to}",
    guided: "{minutes} 分钟：{note}",
  },
  en: {
    routed: "to {department}: {person} ({level})", transferred: "to {department}: {reason}", escalated: "{to}", "due soon": "{due}", overdue: "{due}",
    "no follow-up": "no phone number to call back", "no follow-up anonymous": "anonymous report: the reporter is not contacted", opened: "referred to the discipline-inspection hotline",
    "deadline recounted": "the {years} arrangement is loaded: due {was} → {due}", "handed over": "{from} → {to}",
    guided: "{minutes} min: {note}",
  },
};

/** A timeline line's text: the system's own lines from their parts, in the reader's language; anything typed as typed. */
export function timelineText(
  e: { action: string; text: string | null; args?: Record<string, string> | null }, departmentName: (id: string) => string,
): string {
  const key = e.action === "no follow-up" && e.args?.reason === "anonymous" ? "no follow-up anonymous" : e.action;
  const template = timelineTexts[language()][key];
  if (!template || !e.args) return e.text ?? "";
  const a = e.args;
  return fill(template, {
    ...a, level: assigneeLevel(a.level ?? ""), department: a.department ? departmentName(a.department) : "", due: moment(a.due), was: moment(a.was),
    to: a.to || (language() === "zh" ? "班长" : "the supervisors"),
  });
}

export function orderNoticeText(n: { kind: string; text: string; args?: Record<string, string> | null }): string {
  const template = orderNotices[language()][n.kind];
  if (!template || !n.args) return n.text;
  const a = n.args;
  return fill(template, { ...a, kind: orderKind(a.kind ?? ""), due: moment(a.due), to: a.to || (language() === "zh" ? "班长" : "the supervisors") });
}

export function dutyNoticeText(n: { kind: string; text: string; args?: Record<string, string> | null }): string {
  const template = dutyNotices[language()][n.kind];
  if (!template || !n.args) return n.text;
  const a = n.args;
  const shift = language() === "zh" ? `${a.date ?? ""} ${a.department ?? ""}${a.template ?? ""}` : `the ${a.template ?? ""} shift of ${a.date ?? ""} (${a.department ?? ""})`;
  const note = a.note ? (language() === "zh" ? `：${a.note}` : `: ${a.note}`) : "";
  return fill(template, { ...a, shift, note, backup: a.backup || "—", officer: a.officer || "—" });
}
