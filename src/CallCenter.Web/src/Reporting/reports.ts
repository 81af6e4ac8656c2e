import "../shared/style.css";
import "../shared/nav";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { api, escape, me, signOut, turns } from "../shared/api";
import { t, toggleLanguage, translatePage } from "../shared/i18n";
import { addDays, type AgentPeriod, type AgentReport, duration, foldAgent, iso, percent, type QueueInterval, type QueueReport } from "./figures";

// Historical reports for supervisors: volume and service level per interval, abandon rate, agent occupancy, for a
// day, a week or a month, beside the previous period of the same length.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
translatePage();
$("language").addEventListener("click", toggleLanguage);
$("sign-out").addEventListener("click", signOut);

type Period = "day" | "week" | "month";
interface Range { from: string; to: string; interval: string }

/** The days a period covers (weeks start on Monday) and the interval its charts use. */
function range(period: Period, day: string, minutes: string): Range {
  const [y, m, d] = day.split("-").map(Number);
  if (period === "day") return { from: day, to: day, interval: minutes };
  if (period === "week") {
    const monday = addDays(day, -((new Date(y, m - 1, d).getDay() + 6) % 7));
    return { from: monday, to: addDays(monday, 6), interval: "day" };
  }
  return { from: iso(new Date(y, m - 1, 1)), to: iso(new Date(y, m, 0)), interval: "day" };
}

function previous(period: Period, r: Range): Range {
  if (period === "month") {
    const [y, m] = r.from.split("-").map(Number);
    return { from: iso(new Date(y, m - 2, 1)), to: iso(new Date(y, m - 1, 0)), interval: r.interval };
  }
  const days = period === "week" ? 7 : 1;
  return { from: addDays(r.from, -days), to: addDays(r.to, -days), interval: r.interval };
}

// A slot is an interval's place in its period (time of day, or day number), so two periods line up.
const slot = (start: string, interval: string, from: string) =>
  interval === "day" ? String(Math.round((Date.parse(start.slice(0, 10)) - Date.parse(from)) / 86_400_000)) : start.slice(11, 16);
const label = (start: string, interval: string) => (interval === "day" ? start.slice(5, 10) : start.slice(11, 16));

const charts = new Map<string, echarts.ECharts>();
function chart(id: string, option: echarts.EChartsCoreOption, points: number): void {
  let c = charts.get(id);
  if (!c) {
    c = echarts.init($(id));
    charts.set(id, c);
  }
  c.setOption(option, true);
  $(id).dataset.points = String(points);
}
window.addEventListener("resize", () => charts.forEach((c) => c.resize()));

const queryOf = (r: Range, queue: string) => `from=${r.from}&to=${r.to}&interval=${r.interval}${queue ? `&queue=${encodeURIComponent(queue)}` : ""}`;

function change(now: number | null, before: number | null | undefined, lowerIsBetter = false): string {
  if (now === null || before === null || before === undefined || now === before) return "";
  const up = now > before;
  return ` <small class="${up !== lowerIsBetter ? "good" : "bad"}">${up ? "▲" : "▼"} ${before}</small>`;
}

const loadTurn = turns();
async function load(): Promise<void> {
  const latest = loadTurn();
  const period = $<HTMLSelectElement>("period").value as Period;
  const day = $<HTMLInputElement>("date").value;
  const queue = $<HTMLSelectElement>("queue").value;
  const compare = $<HTMLInputElement>("compare").checked;
  $("interval-field").hidden = period !== "day";
  if (!day) return;
  const r = range(period, day, $<HTMLSelectElement>("interval").value);
  const p = previous(period, r);
  const by = period === "day" ? "day" : "month";
  $<HTMLAnchorElement>("queue-csv").href = `/api/v1/reports/queues/export?${queryOf(r, queue)}`;
  $<HTMLAnchorElement>("agent-csv").href = `/api/v1/reports/agents/export?from=${r.from}&to=${r.to}&by=${by}`;
  try {
    const [now, before, agents, agentsBefore] = await Promise.all([
      api<QueueReport>(`/reports/queues?${queryOf(r, queue)}`),
      compare ? api<QueueReport>(`/reports/queues?${queryOf(p, queue)}`) : Promise.resolve(null),
      api<AgentReport>(`/reports/agents?from=${r.from}&to=${r.to}&by=day`),
      compare ? api<AgentReport>(`/reports/agents?from=${p.from}&to=${p.to}&by=day`) : Promise.resolve(null),
    ]);
    if (!latest()) return;
    $("error").textContent = "";
    fillQueues(now);
    $("title").textContent = `${t("callReports")} ${r.from === r.to ? r.from : `${r.from} – ${r.to}`}${queue ? ` · ${queue}` : ""}`;
    summary(now.summary, before?.summary ?? null);
    $("empty").hidden = now.summary.offered > 0;
    intervals(now, before, r, p);
    occupancy(agents.rows, agentsBefore?.rows ?? null);
  } catch (e) {
    if (latest()) $("error").textContent = (e as Error).message;
  }
}

function fillQueues(report: QueueReport): void {
  const select = $<HTMLSelectElement>("queue");
  const known = new Set([...select.options].map((o) => o.value));
  for (const q of report.queues.filter((q) => !known.has(q.queueId))) {
    select.add(new Option(`${q.name} (${q.queueId})`, q.queueId));
  }
}

function summary(s: QueueInterval, b: QueueInterval | null): void {
  $("summary").innerHTML = `
    <div><b id="offered">${s.offered}</b><span>${t("offered")}${change(s.offered, b?.offered)}</span></div>
    <div><b>${s.answered}</b><span>${t("answered")}${change(s.answered, b?.answered)}</span></div>
    <div><b id="service-level">${percent(s.serviceLevel)}</b><span>${t("serviceLevel")}${change(s.serviceLevel, b?.serviceLevel)}</span></div>
    <div><b>${percent(s.abandonRate)}</b><span>${t("abandonRate")}${change(s.abandonRate, b?.abandonRate, true)}</span></div>
    <div><b>${duration(s.averageSpeedOfAnswer)}</b><span>${t("asa")}${change(s.averageSpeedOfAnswer, b?.averageSpeedOfAnswer, true)}</span></div>
    <div><b>${duration(s.averageHandleTime)}</b><span>${t("aht")}</span></div>`;
}

function intervals(now: QueueReport, before: QueueReport | null, r: Range, p: Range): void {
  const previousBySlot = new Map((before?.totals ?? []).map((x) => [slot(x.start, p.interval, p.from), x]));
  const slots = [...new Set([...now.totals.map((x) => slot(x.start, r.interval, r.from)), ...previousBySlot.keys()])]
    .sort((a, b) => (r.interval === "day" ? Number(a) - Number(b) : a.localeCompare(b)));
  const nowBySlot = new Map(now.totals.map((x) => [slot(x.start, r.interval, r.from), x]));
  const labels = slots.map((s) => (r.interval === "day" ? addDays(r.from, Number(s)).slice(5) : s));
  const series = (pick: (x: QueueInterval) => number | null, source: Map<string, QueueInterval>) => slots.map((s) => (source.has(s) ? pick(source.get(s)!) : null));
  const compared = before !== null;
  chart("volume-chart", {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: 48, bottom: 28, top: 56 },
    xAxis: { type: "category", data: labels },
    yAxis: [{ type: "value", name: t("offered") }, { type: "value", name: "%", max: 100, min: 0 }],
    series: [
      { name: t("offered"), type: "bar", data: series((x) => x.offered, nowBySlot) },
      { name: t("answered"), type: "bar", data: series((x) => x.answered, nowBySlot) },
      { name: t("serviceLevel"), type: "line", yAxisIndex: 1, connectNulls: true, data: series((x) => x.serviceLevel, nowBySlot) },
      ...(compared ? [{ name: `${t("serviceLevel")} · ${t("previous")}`, type: "line", yAxisIndex: 1, connectNulls: true, lineStyle: { type: "dashed" }, data: series((x) => x.serviceLevel, previousBySlot) }] : []),
    ],
  }, now.totals.length);
  chart("abandon-chart", {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: 24, bottom: 28, top: 56 },
    xAxis: { type: "category", data: labels },
    yAxis: { type: "value", name: "%", min: 0 },
    series: [
      { name: t("abandonRate"), type: "line", connectNulls: true, data: series((x) => x.abandonRate, nowBySlot) },
      ...(compared ? [{ name: `${t("abandonRate")} · ${t("previous")}`, type: "line", connectNulls: true, lineStyle: { type: "dashed" }, data: series((x) => x.abandonRate, previousBySlot) }] : []),
    ],
  }, now.totals.length);
  const head = `<tr><th>${t("interval")}</th><th>${t("queue")}</th><th>${t("offered")}</th><th>${t("answered")}</th><th>${t("abandoned")}</th><th>${t("overflowed")}</th>
    <th>${t("serviceLevel")}</th><th>${t("abandonRate")}</th><th>${t("asa")}</th><th>${t("aht")}</th><th>${t("longestWait")}</th></tr>`;
  const row = (x: QueueInterval) => `<tr><td>${escape(label(x.start, r.interval))}</td><td>${escape(x.queue || t("allQueues"))}</td><td>${x.offered}</td><td>${x.answered}</td>
    <td>${x.abandoned}</td><td>${x.overflowed}</td><td>${percent(x.serviceLevel)}</td><td>${percent(x.abandonRate)}</td><td>${duration(x.averageSpeedOfAnswer)}</td>
    <td>${duration(x.averageHandleTime)}</td><td>${duration(x.longestWaitSeconds)}</td></tr>`;
  $("intervals").innerHTML = head + (now.rows.map(row).join("") || `<tr><td colspan="11" class="empty">${t("noCalls")}</td></tr>`);
}

function occupancy(rows: AgentPeriod[], before: AgentPeriod[] | null): void {
  const byAgent = (list: AgentPeriod[]) => {
    const groups = new Map<string, AgentPeriod[]>();
    list.forEach((r) => groups.set(r.agent, [...(groups.get(r.agent) ?? []), r]));
    return new Map([...groups].map(([agent, g]) => [agent, foldAgent(g)]));
  };
  const now = byAgent(rows);
  const earlier = before ? byAgent(before) : null;
  const agents = [...now.values()].sort((a, b) => (b.occupancy ?? 0) - (a.occupancy ?? 0));
  chart("occupancy-chart", {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: 24, bottom: 48, top: 56 },
    xAxis: { type: "category", data: agents.map((a) => a.agent), axisLabel: { rotate: agents.length > 12 ? 45 : 0 } },
    yAxis: { type: "value", name: "%", max: 100, min: 0 },
    series: [
      { name: t("occupancy"), type: "bar", data: agents.map((a) => a.occupancy) },
      ...(earlier ? [{ name: `${t("occupancy")} · ${t("previous")}`, type: "bar", data: agents.map((a) => earlier.get(a.agent)?.occupancy ?? null) }] : []),
    ],
  }, agents.length);
  $("agents").innerHTML = `<tr><th>${t("agentName")}</th><th>${t("loggedIn")}</th><th>${t("ready")}</th><th>${t("talk")}</th><th>${t("wrapUp")}</th>
    <th>${t("notReady")}</th><th>${t("occupancy")}</th><th>${t("callCount")}</th><th>${t("aht")}</th><th>${t("missedOffers")}</th></tr>` +
    (agents.map((a) => `<tr><td>${escape(a.agent)}</td><td>${duration(a.loggedInSeconds)}</td><td>${duration(a.readySeconds)}</td><td>${duration(a.talkSeconds)}</td>
      <td>${duration(a.wrapUpSeconds)}</td><td>${duration(a.notReadySeconds)}</td><td>${percent(a.occupancy)}</td><td>${a.calls}</td>
      <td>${duration(a.averageHandleTime)}</td><td>${a.missedOffers}</td></tr>`).join("") || `<tr><td colspan="10" class="empty">—</td></tr>`);
}

$("controls").addEventListener("change", () => void load());
$("controls").addEventListener("submit", (e) => e.preventDefault());

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  try {
    const user = await me();
    if (!user.roles.some((r) => r === "Supervisor" || r === "Admin")) {
      $("error").textContent = t("forbidden");
      return;
    }
    // Without a date in the address the report opens on the centre's today (its time zone, not the browser's).
    $<HTMLInputElement>("date").value = params.get("date") ?? (await api<QueueReport>("/reports/queues?interval=day")).from;
  } catch (e) {
    $("error").textContent = (e as Error).message;
    return;
  }
  $<HTMLSelectElement>("period").value = params.get("period") ?? "day";
  await load();
}

void start();
