import "../shared/style.css";
import "../shared/nav";
import { api, elapsed, escape, me, post, signOut, turns } from "../shared/api";
import { reasonName, t, toggleLanguage, translatePage, type Word } from "../shared/i18n";
import type { SeatTile } from "../shared/types";
import { departments, follow, row, type Summary } from "../WorkOrders/orders";
import { showScreenPop } from "./screenPop";

type SeatView = SeatTile & { messages: { at: string; from: string; text: string }[] };

// The agent desktop: log in at a seat, go Ready / Not ready, see offers, the current call and whether a supervisor
// is listening. It reads the seat every second (the agent hub comes with supervisor messages).
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
translatePage();
$("language").addEventListener("click", toggleLanguage);
$("sign-out").addEventListener("click", signOut);

let seatId = localStorage.getItem("seat") ?? "";
let userName = "";
let currentCall: string | null = null;
$<HTMLInputElement>("seat-id").value = seatId;

async function act(action: () => Promise<unknown>): Promise<void> {
  $("error").textContent = "";
  try {
    await action();
    await refresh();
  } catch (e) {
    $("error").textContent = (e as Error).message;
  }
}

$("login").addEventListener("click", () => act(async () => {
  seatId = $<HTMLInputElement>("seat-id").value.trim();
  localStorage.setItem("seat", seatId);
  await post(`/seats/${encodeURIComponent(seatId)}/login`, { agent: userName });
}));
$("ready").addEventListener("click", () => act(() => post(`/seats/${encodeURIComponent(seatId)}/state`, { state: "Ready" })));
$("not-ready").addEventListener("click", () => act(() =>
  post(`/seats/${encodeURIComponent(seatId)}/state`, { state: "NotReady", reason: $<HTMLSelectElement>("reason").value })));
$("logout").addEventListener("click", () => act(() => post(`/seats/${encodeURIComponent(seatId)}/logout`)));

async function refresh(): Promise<void> {
  if (!seatId) {
    return;
  }
  try {
    const seat = await api<SeatView>(`/seats/${encodeURIComponent(seatId)}`);
    currentCall = seat.callId ?? null;
    $("seat").className = `seat big ${seat.state}`;
    $("seat").innerHTML = `
      <header><b>${escape(seat.name)}</b> · ${escape(seat.agent ?? "—")}</header>
      <div class="state" id="seat-state">${t(seat.state)}${seat.reason ? ` · ${escape(reasonName(seat.reason))}` : ""}</div>
      <div class="timer">${elapsed(seat.since)}</div>
      <footer>${[seat.callId ? `${t("currentCall")}: ${escape(seat.callId)}` : "", `${t("calls")} ${seat.today.calls}`].filter(Boolean).join(" · ")}</footer>`;
    $("monitored").hidden = seat.monitoring === "None";
    $("monitored").dataset.mode = seat.monitoring;
    $("monitored").textContent = t(seat.monitoring === "Whisper" ? "whispering" : seat.monitoring === "Barge" ? "barged" : "monitored");
    void showScreenPop($("screen-pop"), seatId, seat.callId ?? null);
    $("messages").innerHTML = seat.messages.map((m) =>
      `<li><time>${new Date(m.at).toLocaleTimeString()}</time> <b>${escape(m.from)}</b> ${escape(m.text)}</li>`).join("");
  } catch {
    $("seat").innerHTML = "";
  }
}

interface MyEvaluation { evaluationId: string; callId: string; status: string; score: { total: number; criticalFailed: boolean }; disputeBy: string | null }

/** My submitted evaluations: acknowledge, or dispute with a reason before the deadline. */
async function loadEvaluations(): Promise<void> {
  const vetoes = await api<{ orderId: string; reason: string }[]>("/grading/mine/vetoes");
  $("vetoes").hidden = vetoes.length === 0;
  $("vetoes").textContent = vetoes.length ? `${t("vetoedThisMonth")} ${vetoes.map((v) => `${v.orderId}（${v.reason}）`).join("；")}` : "";
  const mine = await api<MyEvaluation[]>("/grading/mine");
  $("evaluations").innerHTML = mine.length === 0 ? `<p class="empty">—</p>` : mine.map((e) => `
    <li data-evaluation="${escape(e.evaluationId)}"><b>${escape(e.callId)}</b> · ${e.score.total}${e.score.criticalFailed ? ` <span class="badge bad">${t("criticalFail")}</span>` : ""}
      · ${escape(t(`evaluation${e.status}` as Word))}${e.status === "Submitted" ? `${e.disputeBy ? ` · ${t("disputeBy")} ${new Date(e.disputeBy).toLocaleString()}` : ""}
      <button data-ack>${t("acknowledgeEvaluation")}</button> <button data-dispute>${t("dispute")}</button>` : ""}</li>`).join("");
}

$("evaluations").addEventListener("click", (e) => {
  const target = e.target as HTMLElement;
  const id = target.closest<HTMLElement>("[data-evaluation]")?.dataset.evaluation;
  if (!id) {
    return;
  }
  if (target.matches("[data-ack]")) {
    void act(() => post(`/grading/evaluations/${encodeURIComponent(id)}/acknowledge`)).then(loadEvaluations);
  } else if (target.matches("[data-dispute]")) {
    const reason = prompt(t("disputeReason"));
    if (reason) {
      void act(() => post(`/grading/evaluations/${encodeURIComponent(id)}/dispute`, { reason })).then(loadEvaluations);
    }
  }
});

interface KnowledgeHit { entryId: string; question: string; answer: string; policyReferences: string[]; score: number }

// The knowledge base during a call: results as the agent types (Chinese is matched by character pairs on the server).
let searching = 0;
const searchTurn = turns();
$("kb-query").addEventListener("input", () => {
  window.clearTimeout(searching);
  searching = window.setTimeout(async () => {
    const latest = searchTurn();
    const q = $<HTMLInputElement>("kb-query").value.trim();
    const hits = q ? await api<KnowledgeHit[]>(`/knowledge/search?q=${encodeURIComponent(q)}&limit=5`).catch(() => []) : [];
    if (!latest()) return;
    $("kb-hits").innerHTML = hits.map((h) => `<li data-entry="${escape(h.entryId)}"><b>${escape(h.question)}</b><br>${escape(h.answer)}
      ${h.policyReferences.length ? `<br><small>${h.policyReferences.map(escape).join("；")}</small>` : ""}</li>`).join("")
      || (q ? `<p class="empty">${t("noKnowledge")}</p>` : "");
  }, 250);
});

// Work orders from the desktop: open one during (or after) a call; my callback tasks arrive live.
const orderForm = $<HTMLFormElement>("new-order");
function showKindFields(): void {
  const kind = (orderForm.elements.namedItem("kind") as HTMLSelectElement).value;
  orderForm.querySelectorAll<HTMLElement>("[data-for]").forEach((e) => (e.hidden = !e.dataset.for!.split(" ").includes(kind)));
  orderForm.querySelectorAll<HTMLElement>("[data-not]").forEach((e) => (e.hidden = e.dataset.not === kind));
}
(orderForm.elements.namedItem("kind") as HTMLSelectElement).addEventListener("change", showKindFields);
showKindFields();

orderForm.addEventListener("submit", (e) => {
  e.preventDefault();
  const f = Object.fromEntries(new FormData(orderForm).entries()) as Record<string, string>;
  const text = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  const body = f.kind === "IntegrityReferral" ? { kind: f.kind, callId: currentCall } : {
    kind: f.kind, callId: currentCall ?? undefined, question: text(f.question),
    department: f.kind === "HardQuestion" || f.kind === "TaxReport" ? f.department : undefined,
    taxpayer: { name: text(f.name), taxpayerId: text(f.taxpayerId), phone: text(f.phone) },
    taxReport: f.kind === "TaxReport" ? { subject: text(f.subject), subjectTaxpayerId: text(f.subjectTaxpayerId), conduct: text(f.conduct),
      period: text(f.period), amount: f.amount ? Number(f.amount) : undefined, anonymous: "anonymous" in f } : undefined,
    severity: f.kind === "ServiceComplaint" ? f.severity : undefined, against: f.kind === "ServiceComplaint" ? text(f.against) : undefined,
  };
  void act(async () => {
    const opened = await post<{ order: Summary; hotline: string | null }>("/work-orders", body);
    $("order-result").textContent = opened.hotline
      ? `${t("giveHotline")} ${opened.hotline}`
      : `${t("orderOpened")} ${opened.order.orderId} → ${opened.order.assignee ?? ""}`;
    orderForm.reset();
    showKindFields();
    await loadTasks();
  });
});

async function loadTasks(): Promise<void> {
  const tasks = await api<Summary[]>("/work-orders/tasks");
  $("tasks").innerHTML = tasks.map((o) => row(o).replace("</li>", o.kind === "FollowUp" ? "</li>"
    : `<button data-replied>${t("replied")}</button></li>`)).join("") || `<p class="empty">${t("noTasks")}</p>`;
}

// A reply or callback is closed from the desktop; anything else (a follow-up's survey) opens the order's page.
$("tasks").addEventListener("click", (e) => {
  const target = e.target as HTMLElement;
  const id = target.closest<HTMLElement>("[data-order]")?.dataset.order;
  if (!id) {
    return;
  }
  if (target.matches("[data-replied]")) {
    const note = prompt(t("replyNote"), t("repliedByPhone"));
    if (note) {
      void act(() => post(`/work-orders/${encodeURIComponent(id)}/reply`, { note })).then(loadTasks);
    }
  } else {
    window.open(`/workorders.html?order=${encodeURIComponent(id)}`, "_blank");
  }
});

async function start(): Promise<void> {
  userName = (await me()).userName;
  await refresh();
  setInterval(refresh, 1000);
  await loadEvaluations().catch(() => undefined);
  const known = await departments();
  (orderForm.elements.namedItem("department") as HTMLSelectElement).innerHTML =
    known.map((d) => `<option value="${escape(d.id)}">${escape(d.name)}</option>`).join("");
  await loadTasks();
  await follow(() => void loadTasks()).catch(() => undefined);
}

void start();
