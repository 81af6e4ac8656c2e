import { api, escape, put } from "../shared/api";
import { submitting, value, withSaved } from "../shared/forms";
import { t } from "../shared/i18n";

// Seats: name, department, remote flag and skills (a queue and a level 1–5 each); a row's "edit" fills the form.
interface SeatItem { seatId: string; name: string; department: string; remote: boolean; queues: string[]; agent: string | null; state: string }
interface SeatDetail { seatId: string; name: string; department: string; remote: boolean; skills: { queue: string; level: number }[] }
interface QueueItem { queueId: string; name: string }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let queues: QueueItem[] = [];

function skillRow(queue = "", level = 3): string {
  return `<div class="skill">
    <select name="skill-queue">${queues.map((q) => `<option value="${escape(q.queueId)}"${q.queueId === queue ? " selected" : ""}>${escape(q.name)} (${escape(q.queueId)})</option>`).join("")}</select>
    <label>${t("level")} <input name="skill-level" type="number" min="1" max="5" value="${level}"></label>
    <button type="button" data-remove-skill>×</button></div>`;
}

const saved = new Map<string, SeatItem>();

async function load(): Promise<void> {
  queues = await api<QueueItem[]>("/queues");
  const listed = await api<SeatItem[]>("/seats");
  const seats = withSaved(listed, saved, (s) => s.seatId);
  $("seat-list").innerHTML = seats.length === 0 ? `<tr><td class="empty">${t("noSeats")}</td></tr>` :
    `<tr><th>${t("id")}</th><th>${t("name")}</th><th>${t("department")}</th><th>${t("queues")}</th><th>${t("state")}</th><th></th></tr>` +
    seats.map((s) => `<tr data-seat="${escape(s.seatId)}"><td>${escape(s.seatId)}</td><td>${escape(s.name)}${s.remote ? ` <span class="badge">${t("remote")}</span>` : ""}</td>
      <td>${escape(s.department)}</td><td>${s.queues.map((q) => escape(queues.find((x) => x.queueId === q)?.name ?? q)).join("、")}</td>
      <td>${t(s.state as "Ready")}${s.agent ? ` · ${escape(s.agent)}` : ""}</td><td><button data-edit>${t("edit")}</button></td></tr>`).join("");
}

function fill(seat: SeatDetail | null): void {
  const form = $<HTMLFormElement>("seat-form");
  form.reset();
  $("skills").innerHTML = "";
  if (seat) {
    (form.elements.namedItem("seatId") as HTMLInputElement).value = seat.seatId;
    (form.elements.namedItem("name") as HTMLInputElement).value = seat.name;
    (form.elements.namedItem("department") as HTMLInputElement).value = seat.department;
    (form.elements.namedItem("remote") as HTMLInputElement).checked = seat.remote;
    seat.skills.forEach((s) => $("skills").insertAdjacentHTML("beforeend", skillRow(s.queue, s.level)));
  }
}

export async function setUpSeats(): Promise<() => Promise<void>> {
  const form = $<HTMLFormElement>("seat-form");
  $("add-skill").addEventListener("click", () => $("skills").insertAdjacentHTML("beforeend", skillRow()));
  $("skills").addEventListener("click", (e) => (e.target as HTMLElement).closest("[data-remove-skill]")?.parentElement?.remove());
  $("new-seat").addEventListener("click", () => fill(null));
  $("seat-list").addEventListener("click", async (e) => {
    const id = (e.target as HTMLElement).closest("[data-edit]") && (e.target as HTMLElement).closest<HTMLElement>("[data-seat]")?.dataset.seat;
    if (id) fill(await api<SeatDetail>(`/seats/${encodeURIComponent(id)}`));
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const rows = [...$("skills").querySelectorAll<HTMLElement>(".skill")];
    rows.forEach((row, i) => { // the problem names skills[i].queue / skills[i].level
      row.querySelector("select")!.dataset.field = `skills[${i}].queue`;
      row.querySelector("input")!.dataset.field = `skills[${i}].level`;
    });
    const skills = rows.map((row) => ({
      queue: row.querySelector<HTMLSelectElement>("select")!.value,
      level: Number(row.querySelector<HTMLInputElement>("input")!.value),
    }));
    const seatId = value(form, "seatId");
    form.querySelector("[data-saved]")!.textContent = "";
    if (await submitting(form, async () => {
      const seat = await put<SeatDetail & { agent: string | null; state: string }>(`/seats/${encodeURIComponent(seatId) || "-"}`, {
        name: value(form, "name"), department: value(form, "department"), remote: (form.elements.namedItem("remote") as HTMLInputElement).checked, skills,
      });
      saved.set(seatId, { ...seat, queues: seat.skills.map((k) => k.queue) });
    })) {
      form.querySelector("[data-saved]")!.textContent = `${t("saved")}: ${seatId}`;
      await load();
    }
  });
  await load();
  return load;
}
