import { api, escape } from "../shared/api";
import { language, t } from "../shared/i18n";
import { assigneeLevel, orderKind, orderStatus } from "../shared/messages";
import { connect, startForever, type HubStatus } from "../shared/hub";

// What work-order pages share: the shapes the API returns, Chinese/English labels, due-time colours and the live feed.
export type Kind = "HardQuestion" | "TaxReport" | "ServiceComplaint" | "IntegrityReferral" | "FollowUp" | "Correction" | "OnSite";
export type Status = "AwaitingAssignment" | "InHand" | "AwaitingReply" | "Closed";

export interface Summary {
  orderId: string; kind: Kind; status: Status; department: string | null; owner: string; assignee: string | null;
  assigneeLevel: string | null; brief: string | null; severity: string | null; due: string | null; overdue: boolean;
  escalations: number; openedAt: string; closedAt: string | null; provisionalYears?: number[] | null;
}

/** Why a deadline is provisional (counted across a year whose holiday arrangement is not loaded yet); "" when it is firm. */
export function provisionalWhy(o: Summary): string {
  const years = o.provisionalYears ?? [];
  return years.length && o.status !== "Closed" ? t("provisionalDue").replace("{years}", years.join(", ")) : "";
}

/** A provisional deadline's badge, its reason as the tooltip. */
export function provisionalBadge(o: Summary): string {
  const why = provisionalWhy(o);
  return why ? ` <span class="badge warn provisional" title="${escape(why)}">⚠ ${t("provisionalShort")}</span>` : "";
}

/** Who holds an order: a pool or the supervisors as a group (an "@" name) by their level alone, a person by name. */
export const assigneeText = (o: Summary, withLevel = false) =>
  o.assignee?.startsWith("@") ? assigneeLevel(o.assigneeLevel ?? "")
    : withLevel && o.assignee ? `${o.assignee} (${assigneeLevel(o.assigneeLevel ?? "")})` : o.assignee ?? "—";

export interface TimelineEntry { at: string; actor: string; action: string; text: string | null; args?: Record<string, string> | null }

export interface Order extends Summary {
  callId: string | null; question: string | null; answer: string | null;
  taxpayer: { name: string | null; phone: string | null; taxpayerId: string | null };
  taxReport: { subject: string; subjectTaxpayerId: string | null; conduct: string; period: string | null; amount: number | null; anonymous: boolean } | null;
  finding: { valid: boolean; atFault: string | null; resolution: string; apology: boolean; cause: string | null; actions: { description: string; owner: string; due: string }[] | null } | null;
  actionChecks: { number: number; by: string; at: string; note: string }[] | null;
  survey: { satisfaction: string; reason: string | null; serviceFault: boolean; cause: string | null; unsolved: boolean } | null;
  attachments: { number: number; fileName: string; bytes: number; addedBy: string }[];
  timeline: TimelineEntry[]; relatedOrders: string[]; knowledgeEntry: string | null; sourceOrder: string | null; against: string | null;
  participants: string[]; guidanceMinutes: number; fixedAt: string | null; visitRecord: string | null;
  dispatch: { engineer: string; address: string; agreedAt: string } | null;
}

export interface Department { id: string; name: string; liaison: string | null; backup: string | null; head: string | null; handlers: string[] }

export interface Notice { at: string; orderId: string; kind: string; text: string; args?: Record<string, string> | null }

/** Every kind and status, for filters. */
export const kindNames: Kind[] = ["HardQuestion", "TaxReport", "ServiceComplaint", "IntegrityReferral", "FollowUp", "Correction", "OnSite"];
export const statusNames: Status[] = ["AwaitingAssignment", "InHand", "AwaitingReply", "Closed"];

export const satisfactions = ["VerySatisfied", "Satisfied", "Neutral", "Dissatisfied", "VeryDissatisfied"] as const;


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
    <b>${escape(orderKind(o.kind))}</b> <small>${escape(o.orderId)}</small>
    <span class="pill">${escape(orderStatus(o.status))}</span>${o.escalations ? ` <span class="badge bad">${t("escalatedTimes")} ×${o.escalations}</span>` : ""}
    <div>${escape(o.brief ?? "")}</div>
    <small>${escape(departmentNames.get(o.department ?? "") ?? o.department ?? "")} · ${escape(assigneeText(o))} · ${t("dueLabel")} ${when(o.due)}${provisionalBadge(o)}</small></li>`;
}

const departmentNames = new Map<string, string>();

export interface Cause { id: string; name: string; nameEn: string }

/** The managed list of complaint causes, id → name in the reader's language. */
export async function causeNames(): Promise<Map<string, string>> {
  const list = await api<Cause[]>("/work-orders/causes");
  return new Map(list.map((c) => [c.id, language() === "en" ? c.nameEn : c.name]));
}

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
