import "../shared/style.css";
import "../shared/nav";
import { api, escape, signOut, turns } from "../shared/api";
import { t, toggleLanguage, translatePage } from "../shared/i18n";
import { orderKind, satisfaction } from "../shared/messages";
import { causeNames, provisionalBadge, satisfactions, type Summary, when } from "./orders";

// The monthly satisfaction report the service specification asks for, with on-time rates, complaints and vetoes,
// and overdue orders; printed from the browser (print styles hide the controls) or downloaded as CSV.
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
translatePage();
$("language").addEventListener("click", toggleLanguage);
$("sign-out").addEventListener("click", signOut);
$("print").addEventListener("click", () => window.print());

interface SatisfactionRow { group: string; surveys: number; counts: Record<string, number>; satisfiedPercent: number | null }
interface Satisfaction { month: string; total: SatisfactionRow; byDepartment: SatisfactionRow[]; pendingFollowUps: number; faultsFound: number; previousSatisfiedPercent: number | null; dissatisfiedReasons: string[] }
interface OnTimeRow { group: string; opened: number; closed: number; onTime: number; onTimePercent: number | null; openOverdue: number }
interface OnTime { total: OnTimeRow; byKind: OnTimeRow[]; byDepartment: OnTimeRow[]; byMonth: OnTimeRow[] }
interface Complaints {
  complaints: number; bySeverity: Record<string, number>; open: number; valid: number; notValid: number; vetoes: { person: string; orderId: string; severity: string | null; at: string | null }[];
  byCause: { cause: string; complaints: number; valid: number; dissatisfied: number }[];
}

const percent = (p: number | null) => (p === null ? "—" : `${p}%`);

function table(rows: OnTimeRow[], label: (g: string) => string): string {
  return `<tr><th>${t("group")}</th><th>${t("openedCount")}</th><th>${t("closedCount")}</th><th>${t("onTimeCount")}</th><th>${t("onTimePercent")}</th><th>${t("openOverdue")}</th></tr>` +
    rows.map((r) => `<tr><td>${escape(label(r.group))}</td><td>${r.opened}</td><td>${r.closed}</td><td>${r.onTime}</td><td>${percent(r.onTimePercent)}</td><td>${r.openOverdue}</td></tr>`).join("");
}

const loadTurn = turns();
async function load(): Promise<void> {
  const latest = loadTurn();
  const month = $<HTMLInputElement>("month").value;
  $<HTMLAnchorElement>("csv").href = `/api/v1/work-orders/reports/satisfaction.csv?month=${month}`;
  try {
    const [s, onTime, complaints, overdue, causes] = await Promise.all([
      api<Satisfaction>(`/work-orders/reports/satisfaction?month=${month}`),
      api<OnTime>(`/work-orders/reports/on-time?month=${month}`),
      api<Complaints>(`/work-orders/reports/complaints?month=${month}`),
      api<Summary[]>("/work-orders/reports/overdue"),
      causeNames(),
    ]);
    if (!latest()) return;
    $("title").textContent = `${t("satisfactionReportTitle")} ${s.month}`;
    const trend = s.previousSatisfiedPercent === null || s.total.satisfiedPercent === null ? "" : ` (${s.total.satisfiedPercent >= s.previousSatisfiedPercent ? "▲" : "▼"} ${t("lastMonth")} ${s.previousSatisfiedPercent}%)`;
    $("summary").innerHTML = `
      <div><b id="satisfied-rate">${percent(s.total.satisfiedPercent)}</b><span>${t("satisfiedRate")}${escape(trend)}</span></div>
      <div><b>${s.total.surveys}</b><span>${t("surveys")}</span></div>
      <div><b>${s.pendingFollowUps}</b><span>${t("pendingSurveys")}</span></div>
      <div><b>${s.faultsFound}</b><span>${t("faultsFound")}</span></div>`;
    const most = Math.max(1, ...satisfactions.map((k) => s.total.counts[k] ?? 0));
    $("distribution").innerHTML = satisfactions.map((k) => `<div class="bar-row"><span>${satisfaction(k)}</span>
      <span class="bar-fill ${k}" style="width:${(100 * (s.total.counts[k] ?? 0)) / most}%"></span><b>${s.total.counts[k] ?? 0}</b></div>`).join("");
    $("departments").innerHTML = `<tr><th>${t("department")}</th><th>${t("surveys")}</th>${satisfactions.map((k) => `<th>${satisfaction(k)}</th>`).join("")}<th>${t("satisfiedRate")}</th></tr>` +
      [...s.byDepartment, s.total].map((r) => `<tr><td>${escape(r.group === "total" ? t("sumTotal") : r.group)}</td><td>${r.surveys}</td>${satisfactions.map((k) => `<td>${r.counts[k] ?? 0}</td>`).join("")}<td>${percent(r.satisfiedPercent)}</td></tr>`).join("");
    $("reasons").innerHTML = s.dissatisfiedReasons.map((r) => `<li>${escape(r)}</li>`).join("") || `<li class="empty">—</li>`;
    $("on-time").innerHTML = table([...onTime.byKind, onTime.total], (g) => (g === "total" ? t("sumTotal") : orderKind(g)));
    $("on-time-months").innerHTML = table(onTime.byMonth, (g) => g);
    $("complaints").innerHTML = `<p>${t("complaintsCount")} ${complaints.complaints} (${t("General")} ${complaints.bySeverity.General ?? 0} · ${t("Serious")} ${complaints.bySeverity.Serious ?? 0} · ${t("Grave")} ${complaints.bySeverity.Grave ?? 0}) ·
      ${t("findingValid")} ${complaints.valid} · ${t("findingNotValid")} ${complaints.notValid} · ${t("stillOpen")} ${complaints.open}</p>
      <table class="roster"><tr><th>${t("vetoed")}</th><th>${t("order")}</th><th>${t("at")}</th></tr>${complaints.vetoes.map((v) =>
        `<tr><td>${escape(v.person)}</td><td>${escape(v.orderId)}</td><td>${when(v.at)}</td></tr>`).join("") || `<tr><td colspan="3" class="empty">—</td></tr>`}</table>
      <h3>${t("byCause")}</h3>
      <table class="roster" id="by-cause"><tr><th>${t("cause")}</th><th>${t("complaintsCount")}</th><th>${t("findingValid")}</th><th>${t("dissatisfiedSurveys")}</th></tr>${complaints.byCause.map((c) =>
        `<tr data-cause="${escape(c.cause)}"><td>${escape(causes.get(c.cause) ?? (c.cause === "unclassified" ? t("unclassified") : c.cause))}</td><td>${c.complaints}</td><td>${c.valid}</td><td>${c.dissatisfied}</td></tr>`).join("")
        || `<tr><td colspan="4" class="empty">—</td></tr>`}</table>`;
    $("overdue").innerHTML = `<tr><th>${t("order")}</th><th>${t("orderKindLabel")}</th><th>${t("department")}</th><th>${t("assignee")}</th><th>${t("dueLabel")}</th><th>${t("escalations")}</th></tr>` +
      (overdue.map((o) => `<tr class="due-over"><td>${escape(o.orderId)}</td><td>${escape(orderKind(o.kind))}</td><td>${escape(o.department ?? "")}</td><td>${escape(o.assignee ?? "")}</td><td>${when(o.due)}${provisionalBadge(o)}</td><td>${o.escalations}</td></tr>`).join("")
        || `<tr><td colspan="6" class="empty">${t("noOverdueOrders")}</td></tr>`);
  } catch (e) {
    if (latest()) $("error").textContent = (e as Error).message;
  }
}

$("month").addEventListener("change", () => void load());

async function start(): Promise<void> {
  const now = new Date();
  $<HTMLInputElement>("month").value = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  await load();
}

void start();
