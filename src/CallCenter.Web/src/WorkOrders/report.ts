import "../shared/style.css";
import "../shared/nav";
import { api, escape, signOut } from "../shared/api";
import { toggleLanguage, translatePage } from "../shared/i18n";
import { orderKind, satisfaction } from "../shared/messages";
import { satisfactions, type Summary, when } from "./orders";

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
interface Complaints { complaints: number; bySeverity: Record<string, number>; open: number; valid: number; notValid: number; vetoes: { person: string; orderId: string; severity: string | null; at: string | null }[] }

const percent = (p: number | null) => (p === null ? "—" : `${p}%`);

function table(rows: OnTimeRow[], label: (g: string) => string): string {
  return `<tr><th>分组 Group</th><th>受理 Opened</th><th>办结 Closed</th><th>按时 On time</th><th>按时率 Rate</th><th>在办超期 Overdue</th></tr>` +
    rows.map((r) => `<tr><td>${escape(label(r.group))}</td><td>${r.opened}</td><td>${r.closed}</td><td>${r.onTime}</td><td>${percent(r.onTimePercent)}</td><td>${r.openOverdue}</td></tr>`).join("");
}

async function load(): Promise<void> {
  const month = $<HTMLInputElement>("month").value;
  $<HTMLAnchorElement>("csv").href = `/api/v1/work-orders/reports/satisfaction.csv?month=${month}`;
  try {
    const [s, onTime, complaints, overdue] = await Promise.all([
      api<Satisfaction>(`/work-orders/reports/satisfaction?month=${month}`),
      api<OnTime>(`/work-orders/reports/on-time?month=${month}`),
      api<Complaints>(`/work-orders/reports/complaints?month=${month}`),
      api<Summary[]>("/work-orders/reports/overdue"),
    ]);
    $("title").textContent = `纳税人满意度月报 ${s.month} · Monthly satisfaction report`;
    const trend = s.previousSatisfiedPercent === null || s.total.satisfiedPercent === null ? "" : ` (${s.total.satisfiedPercent >= s.previousSatisfiedPercent ? "▲" : "▼"} 上月 ${s.previousSatisfiedPercent}%)`;
    $("summary").innerHTML = `
      <div><b id="satisfied-rate">${percent(s.total.satisfiedPercent)}</b><span>满意率 Satisfied${escape(trend)}</span></div>
      <div><b>${s.total.surveys}</b><span>回访 Surveys</span></div>
      <div><b>${s.pendingFollowUps}</b><span>待回访 Pending</span></div>
      <div><b>${s.faultsFound}</b><span>回访发现问题 Faults found</span></div>`;
    const most = Math.max(1, ...satisfactions.map((k) => s.total.counts[k] ?? 0));
    $("distribution").innerHTML = satisfactions.map((k) => `<div class="bar-row"><span>${satisfaction(k)}</span>
      <span class="bar-fill ${k}" style="width:${(100 * (s.total.counts[k] ?? 0)) / most}%"></span><b>${s.total.counts[k] ?? 0}</b></div>`).join("");
    $("departments").innerHTML = `<tr><th>科室 Department</th><th>回访 Surveys</th>${satisfactions.map((k) => `<th>${satisfaction(k)}</th>`).join("")}<th>满意率</th></tr>` +
      [...s.byDepartment, s.total].map((r) => `<tr><td>${escape(r.group === "total" ? "合计 Total" : r.group)}</td><td>${r.surveys}</td>${satisfactions.map((k) => `<td>${r.counts[k] ?? 0}</td>`).join("")}<td>${percent(r.satisfiedPercent)}</td></tr>`).join("");
    $("reasons").innerHTML = s.dissatisfiedReasons.map((r) => `<li>${escape(r)}</li>`).join("") || `<li class="empty">—</li>`;
    $("on-time").innerHTML = table([...onTime.byKind, onTime.total], (g) => (g === "total" ? "合计 Total" : orderKind(g)));
    $("on-time-months").innerHTML = table(onTime.byMonth, (g) => g);
    $("complaints").innerHTML = `<p>投诉 ${complaints.complaints} 件（一般 ${complaints.bySeverity.General ?? 0} · 较重 ${complaints.bySeverity.Serious ?? 0} · 严重 ${complaints.bySeverity.Grave ?? 0}），
      成立 ${complaints.valid}，不成立 ${complaints.notValid}，在办 ${complaints.open}。</p>
      <table class="roster"><tr><th>一票否决 Vetoed</th><th>工单 Order</th><th>时间 At</th></tr>${complaints.vetoes.map((v) =>
        `<tr><td>${escape(v.person)}</td><td>${escape(v.orderId)}</td><td>${when(v.at)}</td></tr>`).join("") || `<tr><td colspan="3" class="empty">—</td></tr>`}</table>`;
    $("overdue").innerHTML = `<tr><th>工单 Order</th><th>类型 Kind</th><th>科室</th><th>承办人 Assignee</th><th>截止 Due</th><th>升级 Escalations</th></tr>` +
      (overdue.map((o) => `<tr class="due-over"><td>${escape(o.orderId)}</td><td>${escape(orderKind(o.kind))}</td><td>${escape(o.department ?? "")}</td><td>${escape(o.assignee ?? "")}</td><td>${when(o.due)}</td><td>${o.escalations}</td></tr>`).join("")
        || `<tr><td colspan="6" class="empty">没有超期工单 No overdue orders</td></tr>`);
  } catch (e) {
    $("error").textContent = (e as Error).message;
  }
}

$("month").addEventListener("change", () => void load());

async function start(): Promise<void> {
  const now = new Date();
  $<HTMLInputElement>("month").value = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  await load();
}

void start();
