import { api, escape, put } from "../shared/api";
import { showProblem, submitting } from "../shared/forms";
import { t } from "../shared/i18n";

// The official holiday arrangement, a year at a time: the loaded years, the warnings (this year or next missing),
// and a JSON file (as in data/calendar/cn-YYYY.json) previewed before it is loaded.
interface Holiday { name: string; nameEn: string | null; from: string; to: string }
interface YearFile { year: number; holidays: Holiday[]; makeUpWorkdays?: string[]; source?: string }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let chosen: YearFile | null = null;

interface YearStatus { year: number; official: boolean; source: string | null; holidays: Holiday[]; makeUpWorkdays: string[] }

const span = (h: Holiday) => (h.from === h.to ? h.from.slice(5) : `${h.from.slice(5)}–${h.to.slice(5)}`);

/** Each year as deadlines count it: official (loaded), or provisional with the statutory days it assumes. */
async function load(): Promise<void> {
  const view = await api<{ years: number[]; statuses: YearStatus[] }>("/calendar/years");
  $("years").innerHTML = view.statuses.map((y) => `<li data-year="${y.year}" class="${y.official ? "official" : "provisional"}">
      <b>${y.year}</b> · ${y.official ? t("yearLoadedNote") : `<span class="badge warn">⚠ ${t("provisionalShort")}</span> ${t("yearProvisionalNote")}`}
      <small>${y.holidays.map((h) => `${escape(h.name)} ${span(h)}`).join("、")}${y.makeUpWorkdays.length ? ` · ${t("makeUpWorkdays")}: ${y.makeUpWorkdays.map((d) => d.slice(5)).join("、")}` : ""}</small></li>`).join("")
    || `<li class="empty">—</li>`;
  const missing = view.statuses.filter((y) => !y.official).map((y) => y.year);
  $("year-warnings").innerHTML = missing.map((y) => `<li class="error">${escape(t("yearMissingWarning").replace("{year}", String(y)))}</li>`).join("");
}

function read(text: string): YearFile {
  const file = JSON.parse(text) as Partial<YearFile>;
  if (typeof file.year !== "number" || !Array.isArray(file.holidays)) {
    throw new Error(`${t("badYearFile")} "year", "holidays"`);
  }
  return { year: file.year, holidays: file.holidays, makeUpWorkdays: file.makeUpWorkdays ?? [], source: file.source };
}

export async function setUpCalendar(): Promise<() => Promise<void>> {
  const form = $<HTMLFormElement>("year-form");
  const input = form.elements.namedItem("file") as HTMLInputElement;
  input.addEventListener("change", async () => {
    chosen = null;
    $<HTMLButtonElement>("load-year").disabled = true;
    $("year-preview").innerHTML = "";
    const file = input.files?.[0];
    if (!file) return;
    try {
      chosen = read(await file.text());
    } catch (e) {
      showProblem(form, new Error(e instanceof SyntaxError ? `${t("badYearFile")} ${e.message}` : (e as Error).message));
      return;
    }
    $("year-preview").innerHTML = `<h3>${t("year")} ${chosen.year}</h3>
      <table class="grid"><tr><th>${t("holidays")}</th><th>${t("from")}</th><th>${t("to")}</th></tr>
      ${chosen.holidays.map((h) => `<tr><td>${escape(h.name)} ${escape(h.nameEn)}</td><td>${escape(h.from)}</td><td>${escape(h.to)}</td></tr>`).join("")}</table>
      <p>${t("makeUpWorkdays")}: ${(chosen.makeUpWorkdays ?? []).map(escape).join("、") || "—"}</p>
      ${chosen.source ? `<p class="hint">${t("source")}: ${escape(chosen.source)}</p>` : ""}`;
    $<HTMLButtonElement>("load-year").disabled = false;
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const year = chosen;
    if (!year) return;
    if (await submitting(form, () => put(`/calendar/years/${year.year}`, { holidays: year.holidays, makeUpWorkdays: year.makeUpWorkdays, source: year.source ?? null }))) {
      form.reset();
      chosen = null;
      $<HTMLButtonElement>("load-year").disabled = true;
      $("year-preview").innerHTML = "";
      await load();
    }
  });
  await load();
  return load;
}
