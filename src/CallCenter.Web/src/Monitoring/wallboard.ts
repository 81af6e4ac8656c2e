import "../shared/style.css";
import "../shared/nav";
import { elapsed, escape, me, post, signOut } from "../shared/api";
import { downFor } from "../shared/hub";
import { t, toggleLanguage, translatePage, type Word, reasonName } from "../shared/i18n";
import type { DutyTile, MonitorBatch, MonitorSnapshot, QueueTile, SeatTile } from "../shared/types";
import { alertText } from "./alertText";
import { Board } from "./board";
import { loadAlertHistory } from "./alertHistory";
import { openSeat, showSeat } from "./seatPanel";
import { renderTable, sortClicked } from "./seatTable";
import { openWallStream } from "./wallStream";

const board = new Board();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const filters = { department: $<HTMLSelectElement>("department"), queue: $<HTMLSelectElement>("queue"), state: $<HTMLSelectElement>("state") };

translatePage();
$("wall-mode").addEventListener("click", () => document.body.classList.toggle("wall"));
let tableView = localStorage.getItem("wallboard-view") === "table";
function setView(table: boolean): void {
  tableView = table;
  localStorage.setItem("wallboard-view", table ? "table" : "tiles");
  $("view-table").setAttribute("aria-pressed", String(table));
  $("view-tiles").setAttribute("aria-pressed", String(!table));
  render();
}
$("view-tiles").addEventListener("click", () => setView(false));
$("view-table").addEventListener("click", () => setView(true));
$("seat-table").addEventListener("click", (e) => {
  if (sortClicked(e.target as HTMLElement)) render();
  else openPanel(e.target as HTMLElement);
});
$("language").addEventListener("click", toggleLanguage);
$("sign-out").addEventListener("click", signOut);
Object.values(filters).forEach((f) => f.addEventListener("change", render));

// wallboard.html?department=… or ?queue=… watches only that scope: the server sends nothing else.
const scope = new URLSearchParams([...new URLSearchParams(location.search)].filter(([k]) => k === "department" || k === "queue"));
// The wall's own read-only stream (MessagePack): lighter for the host than a hub connection per wall.
const stream = openWallStream(scope.toString(), {
  status: (live, secondsDown) => {
    $("status").textContent = live ? t("connected") : `${t("reconnecting")} ${downFor(secondsDown)}`;
    $("status").className = live ? "status live" : "status";
    if (live) board.expectSnapshot();
  },
  snapshot: (snapshot: MonitorSnapshot) => {
    // A batch that came while the snapshot was on its way may show a gap: then the next snapshot, newer, settles it.
    if (!board.load(snapshot)) stream.requestSnapshot();
    fillFilters();
    render();
  },
  batch: (batch: MonitorBatch) => {
    if (!board.apply(batch)) stream.requestSnapshot();
    render();
  },
});

function fillFilters(): void {
  const options = (select: HTMLSelectElement, all: Word, values: [string, string][]) => {
    const current = select.value;
    select.innerHTML = `<option value="">${t(all)}</option>` + values.map(([v, label]) => `<option value="${escape(v)}">${escape(label)}</option>`).join("");
    select.value = current;
  };
  const departments = [...new Set([...board.seats.values()].map((s) => s.department))].sort();
  options(filters.department, "allDepartments", departments.map((d) => [d, d]));
  options(filters.queue, "allQueues", [...board.queues.values()].map((q) => [q.queueId, q.name]));
  const states: SeatTile["state"][] = ["Ready", "Reserved", "OnCall", "WrapUp", "NotReady", "LoggedOut"];
  options(filters.state, "allStates", states.map((s) => [s, t(s)]));
}

function visible(seat: SeatTile): boolean {
  return (!filters.department.value || seat.department === filters.department.value)
    && (!filters.queue.value || seat.queues.includes(filters.queue.value))
    && (!filters.state.value || seat.state === filters.state.value);
}

function render(): void {
  renderQueues();
  renderAlerts();
  renderDuty();
  const seats = [...board.seats.values()].filter(visible).sort((a, b) => a.seatId.localeCompare(b.seatId));
  const open = openSeat();
  const shown = open ? board.seats.get(open) : undefined;
  if (shown) showSeat(shown, queueName);
  $("seats").hidden = tableView;
  $("seat-table").hidden = !tableView;
  if (tableView) {
    renderTable($("seat-table"), seats, queueName);
    return;
  }
  // Past 120 tiles the grid turns dense (name and timer only) so 500 seats fit one 1080p wall.
  $("seats").classList.toggle("dense", seats.length > 120);
  $("seats").innerHTML = seats.length === 0
    ? `<p class="empty">${t("noSeats")}</p>`
    : seats.map((s) => `
      <article class="seat ${s.state}" data-seat="${escape(s.seatId)}" title="${escape(s.department)}">
        <header><b>${escape(s.name)}</b>${s.remote ? `<span class="badge">${t("remote")}</span>` : ""}
          ${!s.phoneRegistered && s.remote ? `<span class="badge bad">${t("phoneOffline")}</span>` : ""}</header>
        <div class="agent">${escape(s.agent ?? "—")}${score(s.agent)}</div>
        <div class="state"><span data-state>${t(s.state)}</span>${s.reason ? ` · ${escape(reasonName(s.reason))}` : ""}</div>
        <div class="timer" data-since="${s.since}">${elapsed(s.since)}</div>
        <footer>${s.callQueue ? escape(board.queues.get(s.callQueue)?.name ?? s.callQueue) + " · " : ""}${t("calls")} ${s.today.calls}${s.monitoring !== "None" ? " · 🎧" : ""}</footer>
      </article>`).join("");
}

const queueName = (id: string) => board.queues.get(id)?.name ?? id;

/** Busy (ringing, on a call, wrapping up) ÷ logged-in seats serving the queue (all seats for the totals). */
function occupancy(queueId: string | null): number | null {
  const serving = [...board.seats.values()].filter((s) => s.state !== "LoggedOut" && (queueId === null || s.queues.includes(queueId)));
  const busy = serving.filter((s) => s.state === "OnCall" || s.state === "WrapUp" || s.state === "Reserved").length;
  return serving.length === 0 ? null : Math.round((100 * busy) / serving.length);
}

function totals(queues: QueueTile[]): string {
  const sum = (f: (q: QueueTile) => number) => queues.reduce((n, q) => n + f(q), 0);
  const answered = sum((q) => q.stats.answered);
  const finished = answered + sum((q) => q.stats.abandoned);
  const waitedAnswered = sum((q) => (q.stats.averageSpeedOfAnswerSeconds ?? 0) * q.stats.answered);
  const longest = queues.reduce<QueueTile | null>((m, q) => (q.stats.waiting && (!m || q.stats.longestWaitSeconds > m.stats.longestWaitSeconds) ? q : m), null);
  return `
      <article class="queue totals" data-queue-totals>
        <header>${t("totals")}</header>
        <dl>
          <dt>${t("waiting")}</dt><dd>${sum((q) => q.stats.waiting)}</dd>
          <dt>${t("longest")}</dt><dd ${longest ? `data-wait="${waitStart(longest)}">${elapsed(waitStart(longest))}` : ">—"}</dd>
          <dt>${t("offered")}</dt><dd>${sum((q) => q.stats.offered)}</dd>
          <dt>${t("serviceLevel")}</dt><dd class="${level(finished ? (100 * sum((q) => q.stats.answeredWithinServiceLevel)) / finished : null)}">${percent(finished ? Math.round((1000 * sum((q) => q.stats.answeredWithinServiceLevel)) / finished) / 10 : null)}</dd>
          <dt>${t("abandonRate")}</dt><dd>${percent(finished ? Math.round((1000 * sum((q) => q.stats.abandoned)) / finished) / 10 : null)}</dd>
          <dt>${t("asa")}</dt><dd>${answered ? minutesSeconds(waitedAnswered / answered) : "—"}</dd>
          <dt>${t("occupancy")}</dt><dd>${percent(occupancy(null))}</dd>
        </dl>
      </article>`;
}

function renderQueues(): void {
  const queues = [...board.queues.values()].sort((a, b) => a.queueId.localeCompare(b.queueId));
  $("queues").innerHTML = queues.length === 0
    ? `<p class="empty">${t("noQueues")}</p>`
    : (queues.length > 1 ? totals(queues) : "") + queues.map((q) => `
      <article class="queue" data-queue="${escape(q.queueId)}">
        <header>${escape(q.name)}</header>
        <dl>
          <dt>${t("waiting")}</dt><dd>${q.stats.waiting}</dd>
          <dt>${t("longest")}</dt><dd data-wait="${waitStart(q)}">${q.stats.waiting ? elapsed(waitStart(q)) : "—"}</dd>
          <dt>${t("serviceLevel")}</dt><dd class="${level(q.stats.serviceLevelPercent)}">${percent(q.stats.serviceLevelPercent)}</dd>
          <dt>${t("sl15")}</dt><dd class="${level(q.stats.serviceLevelPercent15Minutes)}">${percent(q.stats.serviceLevelPercent15Minutes)}</dd>
          <dt>${t("abandoned")}</dt><dd>${q.stats.abandoned}</dd>
          <dt>${t("abandonRate")}</dt><dd data-abandon-rate>${percent(q.stats.abandonPercent ?? null)}</dd>
          <dt>${t("asa")}</dt><dd data-asa>${q.stats.averageSpeedOfAnswerSeconds == null ? "—" : minutesSeconds(q.stats.averageSpeedOfAnswerSeconds)}</dd>
          <dt>${t("aht")}</dt><dd>${q.stats.averageHandleSeconds == null ? "—" : minutesSeconds(q.stats.averageHandleSeconds)}</dd>
          <dt>${t("occupancy")}</dt><dd data-occupancy>${percent(occupancy(q.queueId))}</dd>
          <dt>${t("available")}</dt><dd>${q.stats.seatsAvailable}</dd>
        </dl>
        <div class="by-state" title="${t("byState")}">${byState(q.queueId)}</div>
        ${q.stats.recentAbandoned.length ? `<details><summary>${t("recentAbandoned")}</summary><ol class="abandoned">${q.stats.recentAbandoned.slice(0, 10)
          .map((a) => `<li>${escape(a.maskedCaller)} · ${a.waitedSeconds}s · ${new Date(a.at).toLocaleTimeString()}</li>`).join("")}</ol></details>` : ""}
      </article>`).join("");
}

function renderAlerts(): void {
  const alerts = [...board.alerts.values()].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  // Notes being typed survive the redraw (the board redraws on every batch), and so does the cursor.
  const typed = new Map([...$("alerts").querySelectorAll<HTMLInputElement>("[data-alert] input")]
    .map((i) => [i.closest<HTMLElement>("[data-alert]")!.dataset.alert!, i] as const));
  const focused = document.activeElement instanceof HTMLInputElement && $("alerts").contains(document.activeElement)
    ? document.activeElement.closest<HTMLElement>("[data-alert]")?.dataset.alert : undefined;
  const caret = focused ? typed.get(focused)?.selectionStart ?? null : null;
  $("alerts").innerHTML = alerts.length === 0
    ? `<p class="empty">${t("noAlerts")}</p>`
    : alerts.map((a) => `
      <li class="alert ${a.acknowledgedBy ? "acknowledged" : ""}" data-alert="${escape(a.key)}">
        <span data-alert-text>${escape(alertText(a))}</span>
        ${a.acknowledgedBy
          ? `<small>${t("acknowledged")}: ${escape(a.acknowledgedBy)}${a.note ? ` — ${escape(a.note)}` : ""}</small>`
          : `<input placeholder="${t("note")}" maxlength="500"><button data-ack>${t("acknowledge")}</button>`}
      </li>`).join("");
  $("alerts").querySelectorAll<HTMLInputElement>("[data-alert] input").forEach((input) => {
    const key = input.closest<HTMLElement>("[data-alert]")!.dataset.alert!;
    input.value = typed.get(key)?.value ?? "";
    if (key === focused) {
      input.focus();
      input.setSelectionRange(caret, caret);
    }
  });
}

/** Today's duty officers (带班): who is checked in since when, who is late or did not come. */
function renderDuty(): void {
  const shifts = [...board.duty.values()].sort((a, b) => a.shift.start.localeCompare(b.shift.start));
  $("duty").innerHTML = shifts.length === 0
    ? `<p class="empty">${t("noDuty")}</p>`
    : shifts.map((d) => `
      <li class="duty-shift ${d.status}${d.late ? " late" : ""}" data-shift="${escape(d.shiftId)}">
        <b>${escape(d.departmentName)}</b> · ${escape(d.templateName)} ${clockTime(d.shift.start)}–${clockTime(d.shift.end)}${d.demo ? ` <span class="badge">${t("demoShift")}</span>` : ""}
        <div><span data-officer>${escape(d.checkedInBy ?? d.shift.officer ?? "—")}</span>
          <span class="badge ${d.status === "NoShow" || (d.late && d.status === "Open") ? "bad" : ""}" data-duty-status>${dutyStatus(d)}</span></div>
      </li>`).join("");
}

function dutyStatus(d: DutyTile): string {
  const since = d.checkedInAt ? ` ${clockTime(d.checkedInAt)}` : "";
  switch (d.status) {
    case "CheckedIn": return `${t("dutyCheckedIn")}${since}${d.late ? ` · ${t("dutyLate")}` : ""}${d.overtime ? ` · ${t("dutyOvertime")}` : ""}`;
    case "Open": return d.late ? t("dutyLate") : t("dutyExpected");
    default: return t(`duty${d.status}` as Word);
  }
}

/** The agent's latest evaluation score, with the direction since the one before (a failed critical question shows red). */
function score(agent: string | null): string {
  const q = agent ? board.quality.get(agent) : undefined;
  if (!q) {
    return "";
  }
  const before = q.trend.length > 1 ? q.trend[q.trend.length - 2] : q.latest;
  const arrow = q.latest > before ? "▲" : q.latest < before ? "▼" : "";
  const live = q.live ? `<span data-live title="${t("liveScoring")}">●</span> ` : "";
  return ` <span class="badge ${q.criticalFailed || q.latest < 60 ? "bad" : ""}" data-score title="${t("quality")}: ${q.trend.join(" → ")}">${live}${q.latest}${q.live ? "" : arrow}</span>`;
}

const clockTime = (at: string) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

$("alerts").addEventListener("click", async (e) => {
  const button = (e.target as HTMLElement).closest("button[data-ack]");
  const item = button?.closest<HTMLElement>("[data-alert]");
  if (item) {
    await post("/alerts/acknowledge", { key: item.dataset.alert, note: item.querySelector("input")?.value || null });
  }
});

function byState(queueId: string): string {
  const counts = new Map<string, number>();
  [...board.seats.values()].filter((s) => s.queues.includes(queueId) && s.state !== "LoggedOut")
    .forEach((s) => counts.set(s.state, (counts.get(s.state) ?? 0) + 1));
  return [...counts].map(([state, n]) => `<span class="pill ${state}">${t(state as SeatTile["state"])} ${n}</span>`).join("");
}

const percent = (value: number | null) => (value === null ? "—" : `${value}%`);

function openPanel(target: HTMLElement): void {
  const id = target.closest<HTMLElement>("[data-seat]")?.dataset.seat;
  const tile = id ? board.seats.get(id) : undefined;
  if (tile) showSeat(tile, queueName);
}
$("seats").addEventListener("click", (e) => openPanel(e.target as HTMLElement));

const minutesSeconds = (seconds: number) => {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
};
const waitStart = (q: QueueTile) => new Date(Date.parse(q.at) - q.stats.longestWaitSeconds * 1000).toISOString();
const level = (value: number | null) => ((value ?? 100) >= 80 ? "good" : "bad");

// Timers tick in the browser; the server only sends changes.
setInterval(() => {
  document.querySelectorAll<HTMLElement>("[data-alert]").forEach((el) => {
    const alert = board.alerts.get(el.dataset.alert!);
    const text = el.querySelector("[data-alert-text]");
    if (alert && text) text.textContent = alertText(alert);
  });
  document.querySelectorAll<HTMLElement>("[data-since]").forEach((el) => (el.textContent = elapsed(el.dataset.since!)));
  document.querySelectorAll<HTMLElement>("[data-wait]").forEach((el) => {
    if (el.textContent !== "—") el.textContent = elapsed(el.dataset.wait!);
  });
}, 1000);

void me();

$<HTMLDetailsElement>("alert-history-box").addEventListener("toggle", () => {
  if ($<HTMLDetailsElement>("alert-history-box").open) void loadAlertHistory($("alert-history"), "");
});
$("alert-search").addEventListener("submit", (e) => {
  e.preventDefault();
  void loadAlertHistory($("alert-history"), $<HTMLInputElement>("alert-query").value.trim());
});
