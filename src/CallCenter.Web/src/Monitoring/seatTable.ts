import { elapsed, escape } from "../shared/api";
import { t, type Word, reasonName } from "../shared/i18n";
import type { SeatTile } from "../shared/types";

// The wallboard's table view: one row per seat, sorted by any column (a second click reverses it).
type Column = { key: string; word: Word; value: (s: SeatTile) => string | number; cell: (s: SeatTile) => string };

const stateOrder = ["OnCall", "Reserved", "WrapUp", "Ready", "NotReady", "LoggedOut"];
const columns: Column[] = [
  { key: "seat", word: "seat", value: (s) => s.seatId, cell: (s) => `<b>${escape(s.name)}</b> <small>${escape(s.seatId)}</small>` },
  { key: "agent", word: "agentName", value: (s) => s.agent ?? "", cell: (s) => escape(s.agent ?? "—") },
  { key: "department", word: "department", value: (s) => s.department, cell: (s) => escape(s.department) },
  { key: "state", word: "state", value: (s) => stateOrder.indexOf(s.state), cell: (s) => `<span class="pill ${s.state}" data-state>${t(s.state)}</span>${s.reason ? ` ${escape(reasonName(s.reason))}` : ""}` },
  { key: "since", word: "since", value: (s) => Date.parse(s.since), cell: (s) => `<span data-since="${s.since}">${elapsed(s.since)}</span>` },
  { key: "calls", word: "calls", value: (s) => s.today.calls, cell: (s) => String(s.today.calls) },
];

let sortBy = "state";
let descending = false;

export function renderTable(table: HTMLElement, seats: SeatTile[], queueName: (id: string) => string): void {
  const column = columns.find((c) => c.key === sortBy) ?? columns[0];
  const sorted = [...seats].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return (descending ? -order : order) || a.seatId.localeCompare(b.seatId);
  });
  table.innerHTML = `<tr>${columns.map((c) => `<th data-sort="${c.key}" aria-sort="${c.key === sortBy ? (descending ? "descending" : "ascending") : "none"}">${t(c.word)}${c.key === sortBy ? (descending ? " ▼" : " ▲") : ""}</th>`).join("")}<th>${t("queue")}</th></tr>` +
    sorted.map((s) => `<tr data-seat="${escape(s.seatId)}" class="${s.state}">${columns.map((c) => `<td>${c.cell(s)}</td>`).join("")}
      <td>${s.callQueue ? escape(queueName(s.callQueue)) : ""}${s.monitoring !== "None" ? " 🎧" : ""}</td></tr>`).join("");
}

/** A click on a heading sorts by it; returns true when the table must be redrawn. */
export function sortClicked(target: HTMLElement): boolean {
  const key = target.closest<HTMLElement>("[data-sort]")?.dataset.sort;
  if (!key) return false;
  descending = key === sortBy ? !descending : false;
  sortBy = key;
  return true;
}
