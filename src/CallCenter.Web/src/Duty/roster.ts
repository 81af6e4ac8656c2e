import "../shared/style.css";
import "../shared/nav";
import { api, ApiError, escape, post, signOut } from "../shared/api";
import { t, toggleLanguage, translatePage } from "../shared/i18n";
import type { Roster, RosterShift } from "../shared/types";

// The administrators' roster page: define a rotation, generate a draft for a period, edit shifts with a reason,
// publish, and export the published roster.
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
translatePage();
$("language").addEventListener("click", toggleLanguage);
$("sign-out").addEventListener("click", signOut);

const today = new Date();
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
$<HTMLInputElement>("from").value = iso(today);
$<HTMLInputElement>("to").value = iso(new Date(today.getFullYear(), today.getMonth() + 1, 0));

const rotation = () => encodeURIComponent($<HTMLInputElement>("rotation").value.trim());
const period = () => `from=${$<HTMLInputElement>("from").value}&to=${$<HTMLInputElement>("to").value}`;
const time = (at: string) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

async function act(action: () => Promise<unknown>): Promise<void> {
  $("error").textContent = "";
  try {
    await action();
    await load();
  } catch (e) {
    $("error").textContent = (e as Error).message;
  }
}

interface Names { templates: { id: string; name: string }[]; departments: { id: string; name: string }[] }

// The rotation's names for its shift templates and departments, so the tables say 上午 and 纳税服务科, not am and tax.
let names: Names = { templates: [], departments: [] };
const templateName = (id: string) => names.templates.find((x) => x.id === id)?.name ?? id;
const departmentName = (id: string | null) => (id ? names.departments.find((x) => x.id === id)?.name ?? id : "—");

function table(shifts: RosterShift[], editable: boolean): string {
  if (shifts.length === 0) {
    return `<tr><td class="empty">${t("noRoster")}</td></tr>`;
  }
  return `<tr><th>${t("from")}</th><th></th><th>${t("department")}</th><th>${t("officer")}</th><th>${t("backup")}</th><th></th></tr>` +
    shifts.map((s) => `
      <tr class="${s.officer ? "" : "missing"}" data-shift="${escape(s.shiftId)}">
        <td>${escape(s.date)}</td><td>${escape(templateName(s.template))} ${time(s.start)}–${time(s.end)}</td>
        <td>${escape(departmentName(s.department))}</td><td>${escape(s.officer ?? "—")}</td><td>${escape(s.backup ?? "—")}</td>
        <td>${editable ? `<button data-edit>${t("edit")}</button>` : ""}</td>
      </tr>`).join("");
}

async function load(): Promise<void> {
  $<HTMLAnchorElement>("csv").href = `/api/v1/duty/rotations/${rotation()}/roster.csv?${period()}`;
  $<HTMLAnchorElement>("ics").href = `/api/v1/duty/rotations/${rotation()}/roster.ics?${period()}`;
  const definition = await api<Names>(`/duty/rotations/${rotation()}`).catch(() => example);
  names = definition;
  $<HTMLTextAreaElement>("definition").value = JSON.stringify(definition, null, 2);
  // A rotation not defined yet has no roster: an empty one, and its definition opened to be written.
  const none = (e: unknown) => {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
    document.querySelector<HTMLDetailsElement>("details")!.open = true;
    const empty: Roster = { rotation: "", shifts: [], problems: [], published: false };
    return empty;
  };
  const [draft, published] = await Promise.all([
    api<Roster>(`/duty/rotations/${rotation()}/roster?${period()}&draft=true`).catch(none),
    api<Roster>(`/duty/rotations/${rotation()}/roster?${period()}`).catch(none),
  ]);
  $("draft").innerHTML = table(draft.shifts, true);
  $("published").innerHTML = table(published.shifts, true);
  $("problems").innerHTML = draft.problems.map((p) => `<li>${t("problems")}: ${escape(p)}</li>`).join("");
}

// What a new rotation starts from: the half-day shifts and two departments to rename.
const example = {
  name: "带班轮值",
  templates: [{ id: "am", name: "上午", start: "08:30", end: "12:00" }, { id: "pm", name: "下午", start: "13:30", end: "17:30" }],
  departments: [
    { id: "tax", name: "纳税服务科", head: "head1", officers: ["duty1", "duty2"] },
    { id: "levy", name: "征收管理科", head: "head1", officers: ["duty3"] },
  ],
  rules: { checkInOpensMinutes: 30, lateAfterMinutes: 10, noShowAfterMinutes: 30, autoCheckOutAfterMinutes: 60 },
};

$("load").addEventListener("click", () => act(async () => undefined));
$("generate").addEventListener("click", () => act(() => post(`/duty/rotations/${rotation()}/roster/generate`, {
  from: $<HTMLInputElement>("from").value, to: $<HTMLInputElement>("to").value,
})));
$("publish").addEventListener("click", () => act(() => post(`/duty/rotations/${rotation()}/roster/publish`)));
$("save").addEventListener("click", () => act(async () => {
  await api(`/duty/rotations/${rotation()}`, { method: "PUT", body: $<HTMLTextAreaElement>("definition").value });
  $("saved").textContent = t("saved");
}));
document.addEventListener("click", (e) => {
  const row = (e.target as HTMLElement).closest<HTMLElement>("[data-shift]");
  if (!(e.target as HTMLElement).matches("[data-edit]") || !row) {
    return;
  }
  const officer = prompt(t("newOfficer"));
  const reason = officer ? prompt(t("editReason")) : null;
  if (officer && reason) {
    const [, date, template] = row.dataset.shift!.split("/");
    void act(() => api(`/duty/rotations/${rotation()}/roster/shifts/${date}/${template}`, { method: "PUT", body: JSON.stringify({ officer, reason }) }));
  }
});

async function start(): Promise<void> {
  await act(async () => undefined);
}

void start();
