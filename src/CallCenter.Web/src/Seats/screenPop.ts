import { api, elapsed, escape } from "../shared/api";
import { t, type Word } from "../shared/i18n";

// The screen pop: who is calling (masked for agents), from which queue, how long they waited, their previous calls,
// the work orders still open from them, and knowledge entries for the queue. Read once per call, not every second.
interface ScreenPop {
  callId: string | null; caller: string | null; queue: string | null; queueName: string | null; enteredAt: string | null; answeredAt: string | null;
  previousCalls: { callId: string; enteredAt: string; queue: string; queueName: string; agent: string | null; outcome: string; talkSeconds: number; workOrders: string[] }[];
  openOrders: { orderId: string; kind: string; status: string; department: string | null; question: string | null; due: string | null; overdue: boolean }[];
  suggestions: { entryId: string; question: string; answer: string; policyReferences: string[] }[];
}

let shownFor: string | null = null;

export async function showScreenPop(panel: HTMLElement, seatId: string, callId: string | null): Promise<void> {
  if (callId === shownFor) return;
  shownFor = callId;
  if (!callId) {
    panel.hidden = true;
    panel.innerHTML = "";
    return;
  }
  const pop = await api<ScreenPop>(`/seats/${encodeURIComponent(seatId)}/screen-pop`).catch(() => null);
  if (!pop?.callId || pop.callId !== shownFor) return;
  const day = (at: string) => new Date(at).toLocaleString([], { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  panel.hidden = false;
  panel.innerHTML = `
    <h2>${t("screenPop")}</h2>
    <dl class="pop-facts">
      <dt>${t("caller")}</dt><dd id="pop-caller">${escape(pop.caller)}</dd>
      <dt>${t("queue")}</dt><dd id="pop-queue">${escape(pop.queueName ?? pop.queue)}</dd>
      <dt>${t("waited")}</dt><dd>${!pop.enteredAt ? "—" : pop.answeredAt ? elapsed(pop.enteredAt, Date.parse(pop.answeredAt))
        : `<span data-entered="${pop.enteredAt}">${elapsed(pop.enteredAt)}</span>`}</dd>
    </dl>
    <h3>${t("previousCalls")}</h3>
    ${pop.previousCalls.length === 0 ? `<p class="empty" id="pop-first">${t("noPreviousCalls")}</p>` : `<ul id="pop-previous" class="messages">${pop.previousCalls.map((c) => `
      <li data-call="${escape(c.callId)}"><time>${day(c.enteredAt)}</time> · ${escape(c.queueName)} · ${t(c.outcome as Word)}${c.agent ? ` · ${escape(c.agent)}` : ""}
        ${c.workOrders.length ? ` · ${t("workOrders")}: ${c.workOrders.map(escape).join("、")}` : ""}</li>`).join("")}</ul>`}
    ${pop.openOrders.length ? `<h3>${t("openOrders")}</h3><ul id="pop-orders" class="messages">${pop.openOrders.map((o) => `
      <li data-order="${escape(o.orderId)}"><a href="/workorders.html?order=${encodeURIComponent(o.orderId)}" target="_blank">${escape(o.orderId)}</a>
        · ${t(o.kind as Word)} · ${t(o.status as Word)}${o.due ? ` · ${t("due")} ${day(o.due)}` : ""}${o.overdue ? ` <span class="badge bad">!</span>` : ""}
        ${o.question ? `<br><small>${escape(o.question)}</small>` : ""}</li>`).join("")}</ul>` : ""}
    ${pop.suggestions.length ? `<h3>${t("suggestions")}</h3><ul id="pop-suggestions" class="messages">${pop.suggestions.map((h) => `
      <li><b>${escape(h.question)}</b><br>${escape(h.answer)}</li>`).join("")}</ul>` : ""}`;
}

setInterval(() => document.querySelectorAll<HTMLElement>("[data-entered]").forEach((el) => (el.textContent = elapsed(el.dataset.entered!))), 1000);
