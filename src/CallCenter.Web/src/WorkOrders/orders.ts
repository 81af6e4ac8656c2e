import { api, escape } from "../shared/api";
import { connect, startForever, type HubStatus } from "../shared/hub";

// What work-order pages share: the shapes the API returns, Chinese/English labels, due-time colours and the live feed.
export type Kind = "HardQuestion" | "TaxReport" | "ServiceComplaint" | "IntegrityReferral" | "FollowUp" | "Correction";
export type Status = "AwaitingAssignment" | "InHand" | "AwaitingReply" | "Closed";

export interface Summary {
  orderId: string; kind: Kind; status: Status; department: string | null; owner: string; assignee: string | null;
  assigneeLevel: string | null; brief: string | null; severity: string | null; due: string | null; overdue: boolean;
  escalations: number; openedAt: string; closedAt: string | null;
}

export interface TimelineEntry { at: string; actor: string; action: string; text: string | null }

export interface Order extends Summary {
  callId: string | null; question: string | null; answer: string | null;
  taxpayer: { name: string | null; phone: string | null; taxpayerId: string | null };
  taxReport: { subject: string; subjectTaxpayerId: string | null; conduct: string; period: string | null; amount: number | null; anonymous: boolean } | null;
  finding: { valid: boolean; atFault: string | null; resolution: string } | null;
  survey: { satisfaction: string; reason: string | null; serviceFault: boolean } | null;
  attachments: { number: number; fileName: string; bytes: number; addedBy: string }[];
  timeline: TimelineEntry[]; relatedOrders: string[]; knowledgeEntry: string | null; sourceOrder: string | null; against: string | null;
  participants: string[];
}

export interface Department { id: string; name: string; liaison: string | null; backup: string | null; head: string | null; handlers: string[] }

export interface Notice { at: string; orderId: string; kind: string; text: string }

export const kinds: Record<Kind, string> = {
  HardQuestion: "疑难问题 Hard question", TaxReport: "涉税举报 Tax report", ServiceComplaint: "服务投诉 Complaint",
  IntegrityReferral: "廉政举报 Integrity referral", FollowUp: "回访 Follow-up", Correction: "纠错回电 Correction",
};

export const statuses: Record<Status, string> = {
  AwaitingAssignment: "待分派 To assign", InHand: "办理中 In hand", AwaitingReply: "待回复 To reply", Closed: "已办结 Closed",
};

/** What a notice is about, in Chinese, before the server's (English) text. */
export const noticeLabels: Record<string, string> = {
  arrived: "新工单", assigned: "已分派给您", answered: "已答复，请回复纳税人", "due-soon": "即将到期", overdue: "已超期并升级",
  veto: "投诉成立（一票否决）", task: "新任务",
};

export const satisfactions = ["VerySatisfied", "Satisfied", "Neutral", "Dissatisfied", "VeryDissatisfied"] as const;

export const satisfactionLabels: Record<string, string> = {
  VerySatisfied: "非常满意", Satisfied: "满意", Neutral: "一般", Dissatisfied: "不满意", VeryDissatisfied: "非常不满意",
};

/** overdue (red), due within two hours (amber), later (green); closed orders have no colour. */
export function dueClass(o: Summary, now = Date.now()): string {
  if (o.status === "Closed" || !o.due) {
    return "";
  }
  const left = Date.parse(o.due) - now;
  return left < 0 ? "due-over" : left < 2 * 3600_000 ? "due-soon" : "due-ok";
}

export const when = (at: string | null) => (at ? new Date(at).toLocaleString() : "—");

export function row(o: Summary): string {
  return `<li class="order ${dueClass(o)}" data-order="${escape(o.orderId)}">
    <b>${escape(kinds[o.kind])}</b> <small>${escape(o.orderId)}</small>
    <span class="pill">${escape(statuses[o.status])}</span>${o.escalations ? ` <span class="badge bad">升级 ×${o.escalations}</span>` : ""}
    <div>${escape(o.brief ?? "")}</div>
    <small>${escape(departmentNames.get(o.department ?? "") ?? o.department ?? "")} · ${escape(o.assignee ?? "—")} · 截止 Due ${when(o.due)}</small></li>`;
}

const departmentNames = new Map<string, string>();

/** The configured departments; rows show their names from then on. */
export async function departments(): Promise<Department[]> {
  const list = await api<Department[]>("/work-orders/departments");
  list.forEach((d) => departmentNames.set(d.id, d.name));
  return list;
}

/** Calls <paramref name="changed"/> whenever an order this person follows changes; the page reloads what it shows. */
export async function follow(changed: (order: Summary, notice: Notice | null) => void, onStatus: HubStatus = () => undefined): Promise<void> {
  const hub = connect("/hubs/work-orders", onStatus);
  hub.on("Changed", changed);
  await startForever(hub);
}
