import { elapsed, escape, post } from "../shared/api";
import { t, reasonName } from "../shared/i18n";
import type { SeatTile } from "../shared/types";

// A seat's panel on the wallboard: what the seat is doing, and the supervisor's actions on it (listen, whisper,
// barge, stop; force not ready or log out; clear a stuck call; a message). It stays open while the board moves
// and redraws only its facts, never the message being typed.
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const panel = $<HTMLDialogElement>("seat-panel");
let seat: SeatTile | null = null;

export const openSeat = () => (panel.open ? seat?.seatId ?? null : null);

export function showSeat(tile: SeatTile, queueName: (id: string) => string): void {
  if (seat?.seatId !== tile.seatId) {
    $("panel-error").textContent = "";
    $("panel-done").textContent = "";
    $<HTMLTextAreaElement>("panel-message").value = "";
  }
  seat = tile;
  panel.dataset.seat = tile.seatId;
  $("panel-title").textContent = `${tile.name} · ${tile.seatId}`;
  const facts: [string, string][] = [
    [t("agentName"), escape(tile.agent ?? "—")],
    [t("state"), `${t(tile.state)}${tile.reason ? ` · ${escape(reasonName(tile.reason))}` : ""}`],
    [t("since"), `<span data-since="${tile.since}">${elapsed(tile.since)}</span>`],
    [t("currentCall"), tile.callId ? `${escape(tile.callId)}${tile.callQueue ? ` · ${escape(queueName(tile.callQueue))}` : ""}` : "—"],
    [t("monitoredBy"), tile.monitoring !== "None" ? `${escape(tile.monitoredBy ?? "")} · ${t(monitorWord(tile.monitoring))}` : "—"],
    [t("calls"), String(tile.today.calls)],
  ];
  $("panel-facts").innerHTML = facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("");
  const onCall = tile.state === "OnCall";
  panel.querySelectorAll<HTMLButtonElement>("[data-monitor]").forEach((b) =>
    (b.disabled = b.dataset.monitor === "None" ? tile.monitoring === "None" : !onCall || tile.monitoring === b.dataset.monitor));
  panel.querySelector<HTMLButtonElement>("[data-clear-stuck]")!.disabled = !tile.callId;
  panel.querySelector<HTMLButtonElement>("[data-force=LoggedOut]")!.disabled = tile.state === "LoggedOut";
  panel.querySelector<HTMLButtonElement>("[data-force=NotReady]")!.disabled = tile.state === "LoggedOut" || tile.state === "NotReady";
  if (!panel.open) panel.show();
}

const monitorWord = (mode: string) => (mode === "Whisper" ? "whisper" : mode === "Barge" ? "barge" : "listen");

async function act(path: string, body: unknown, done?: string): Promise<void> {
  if (!seat) return;
  $("panel-error").textContent = "";
  $("panel-done").textContent = "";
  try {
    await post(`/seats/${encodeURIComponent(seat.seatId)}/${path}`, body);
    if (done) $("panel-done").textContent = done;
  } catch (e) {
    $("panel-error").textContent = (e as Error).message;
  }
}

panel.addEventListener("click", (e) => {
  const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button");
  if (!button) return;
  if (button.dataset.monitor) void act("monitor", { mode: button.dataset.monitor });
  else if (button.dataset.force) void act("force", { state: button.dataset.force });
  else if (button.hasAttribute("data-clear-stuck")) void act("clear-stuck", {});
});
$("panel-send").addEventListener("click", async () => {
  const text = $<HTMLTextAreaElement>("panel-message").value.trim();
  if (!text) return;
  await act("message", { text }, t("sent"));
  if (!$("panel-error").textContent) $<HTMLTextAreaElement>("panel-message").value = "";
});
$("panel-close").addEventListener("click", () => {
  panel.close();
  seat = null;
});
