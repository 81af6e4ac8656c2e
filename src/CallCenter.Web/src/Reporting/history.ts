import "../shared/style.css";
import "../shared/nav";
import { api, escape, me, signOut, turns } from "../shared/api";
import { t, toggleLanguage, translatePage, type Word } from "../shared/i18n";
import { duration } from "./figures";

// Past calls: search with filters, page on, export the same search, open a call's timeline and play its recording.
// Supervisors see every call and callers in full; an agent sees the calls they took, callers masked (the server decides).
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
translatePage();
$("language").addEventListener("click", toggleLanguage);
$("sign-out").addEventListener("click", signOut);

interface CallRecord {
  callId: string; caller: string; queue: string; queues: string[]; seatId: string | null; agent: string | null; enteredAt: string;
  answeredAt: string | null; endedAt: string; waitSeconds: number; talkSeconds: number; holdSeconds: number; wrapUpSeconds: number;
  outcome: "Answered" | "Abandoned" | "Callback"; missedOffers: number; hasRecording: boolean;
  longestDeadAirSeconds: number | null; overTalkSeconds: number | null; surveyScore: number | null; evaluationScore: number | null; workOrders: string[];
}
interface CallPage { items: CallRecord[]; next: string | null }
interface Call { callId: string; caller: string; timeline: { state: string; at: string; queue: string | null; seatId: string | null; note: string | null }[] }

const stateWords = new Set(["Queued", "Offered", "Connected", "Held", "WrapUp", "Ended", "Abandoned", "Overflowed", "CallbackRequested"]);
let next: string | null = null;
const shown = new Map<string, CallRecord>();
let selected: string | null = null;

const local = (iso: string) => new Date(iso).toLocaleString(undefined, { hour12: false });

function filters(): URLSearchParams {
  const q = new URLSearchParams();
  const put = (key: string, id: string) => {
    const value = $<HTMLInputElement>(id).value.trim();
    if (value) q.set(key, value);
  };
  for (const [key, id] of [["from", "from"], ["to", "to"]]) {
    const value = $<HTMLInputElement>(id).value;
    if (value) q.set(key, new Date(value).toISOString());
  }
  put("queue", "queue");
  put("seatId", "seat");
  if (!$("agent").closest("label")!.hidden) put("agent", "agent");
  if (!$("caller").closest("label")!.hidden) put("caller", "caller");
  put("outcome", "outcome");
  put("minWaitSeconds", "min-wait");
  put("minTalkSeconds", "min-talk");
  put("hasRecording", "recorded");
  put("minScore", "min-score");
  put("maxScore", "max-score");
  return q;
}

function row(c: CallRecord): string {
  return `<tr data-call="${escape(c.callId)}" class="${c.callId === selected ? "selected" : ""}">
    <td>${escape(local(c.endedAt))}</td><td>${escape(c.caller)}</td><td>${escape(c.queues.join(" → "))}</td><td>${escape(c.seatId ?? "")}</td>
    <td>${escape(c.agent ?? "")}</td><td>${duration(c.waitSeconds)}</td><td>${duration(c.talkSeconds)}</td>
    <td class="${c.outcome === "Answered" ? "good" : c.outcome === "Abandoned" ? "bad" : ""}">${escape(t(c.outcome as Word))}</td>
    <td>${c.hasRecording ? "▶" : ""}</td></tr>`;
}

const searchTurn = turns();
async function search(more: boolean): Promise<void> {
  const latest = searchTurn();
  const q = filters();
  $<HTMLAnchorElement>("csv").href = `/api/v1/call-records/export?${q}`;
  if (more && next) q.set("after", next);
  try {
    const page = await api<CallPage>(`/call-records?${q}`);
    if (!latest()) return;
    $("error").textContent = "";
    const head = `<tr><th>${t("ended")}</th><th>${t("caller")}</th><th>${t("queue")}</th><th>${t("seat")}</th><th>${t("agentName")}</th>
      <th>${t("wait")}</th><th>${t("talk")}</th><th>${t("outcome")}</th><th>${t("hasRecording")}</th></tr>`;
    if (!more) shown.clear();
    page.items.forEach((c) => shown.set(c.callId, c));
    const table = $("results");
    table.innerHTML = (more ? table.innerHTML : head) + page.items.map(row).join("");
    next = page.next;
    $("more").hidden = next === null;
    $("none").hidden = table.querySelectorAll("tr[data-call]").length > 0;
  } catch (e) {
    if (latest()) $("error").textContent = (e as Error).message;
  }
}

const openTurn = turns();
async function open(callId: string): Promise<void> {
  const latest = openTurn();
  selected = callId;
  document.querySelectorAll("#results tr[data-call]").forEach((tr) => tr.classList.toggle("selected", (tr as HTMLElement).dataset.call === callId));
  const record = [...document.querySelectorAll<HTMLElement>("#results tr[data-call]")].find((tr) => tr.dataset.call === callId);
  $("detail").hidden = false;
  $("detail-title").textContent = callId;
  const c = shown.get(callId);
  const fact = (word: Word, value: string | null) => (value === null ? "" : `<dt>${t(word)}</dt><dd>${escape(value)}</dd>`);
  $("extras").innerHTML = c ? [
    fact("wait", duration(c.waitSeconds)), fact("talk", duration(c.talkSeconds)), fact("hold", duration(c.holdSeconds)), fact("wrapUp", duration(c.wrapUpSeconds)),
    fact("deadAir", c.longestDeadAirSeconds === null ? null : duration(c.longestDeadAirSeconds)),
    fact("overTalk", c.overTalkSeconds === null ? null : duration(c.overTalkSeconds)),
    fact("surveyScore", c.surveyScore === null ? null : `${c.surveyScore} / 5`),
    fact("quality", c.evaluationScore === null ? null : String(c.evaluationScore)),
    fact("workOrders", c.workOrders.length ? c.workOrders.join(" ") : null),
  ].join("") : "";
  const player = $<HTMLAudioElement>("player");
  player.hidden = !record?.lastElementChild?.textContent;
  player.src = player.hidden ? "" : `/api/v1/calls/${encodeURIComponent(callId)}/recording`;
  try {
    const call = await api<Call>(`/calls/${encodeURIComponent(callId)}`);
    if (!latest()) return;
    $("timeline").innerHTML = call.timeline.map((e) => `<li><time>${escape(new Date(e.at).toLocaleTimeString(undefined, { hour12: false }))}</time>
      <b>${escape(stateWords.has(e.state) ? t(e.state as Word) : e.state)}</b> ${escape([e.queue, e.seatId, e.note].filter(Boolean).join(" · "))}</li>`).join("");
  } catch (e) {
    if (latest()) $("timeline").innerHTML = `<li class="empty">${escape((e as Error).message)}</li>`;
  }
}

$("filters").addEventListener("submit", (e) => {
  e.preventDefault();
  void search(false);
});
$("more").addEventListener("click", () => void search(true));
$("results").addEventListener("click", (e) => {
  const tr = (e.target as HTMLElement).closest<HTMLElement>("tr[data-call]");
  if (tr) void open(tr.dataset.call!);
});

async function start(): Promise<void> {
  try {
    const user = await me();
    const supervises = user.roles.some((r) => r === "Supervisor" || r === "Admin");
    if (!supervises && !user.roles.includes("Agent")) {
      $("error").textContent = t("forbidden");
      return;
    }
    document.querySelectorAll<HTMLElement>(".supervisor-only").forEach((el) => (el.hidden = !supervises));
    document.querySelectorAll<HTMLElement>(".agent-only").forEach((el) => (el.hidden = supervises));
  } catch (e) {
    $("error").textContent = (e as Error).message;
    return;
  }
  await search(false); // newest calls first until the user narrows the search
}

void start();
