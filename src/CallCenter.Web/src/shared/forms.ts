import { ApiError } from "./api";
import { fieldText } from "./i18n";

// Problems shown where they belong: a field's message under that field (matched by name="…" or data-field="…",
// the problem's field name), anything else in the form's [data-form-error] line.
export function clearProblems(form: HTMLElement): void {
  form.querySelectorAll(".field-error").forEach((e) => e.remove());
  form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  const line = form.querySelector<HTMLElement>("[data-form-error]");
  if (line) line.textContent = "";
}

export function showProblem(form: HTMLElement, error: unknown): void {
  clearProblems(form);
  const unplaced: string[] = [];
  const fields = error instanceof ApiError ? Object.entries(error.errors) : [];
  for (const [field, messages] of fields) {
    const target = form.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"], [data-field="${CSS.escape(field)}"]`)
      ?? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field.replace(/\[\d+\].*$/, ""))}"]`);
    if (!target) {
      unplaced.push(...messages);
      continue;
    }
    target.setAttribute("aria-invalid", "true");
    const note = document.createElement("small");
    note.className = "field-error";
    note.dataset.errorFor = field;
    const codes = error instanceof ApiError ? error.fieldCodes[field] ?? [] : [];
    note.textContent = messages.map((m, i) => fieldText(codes[i]?.code, codes[i]?.args, m)).join(" ");
    note.title = messages.join(" ");
    target.after(note);
  }
  if (fields.length === 0) unplaced.push((error as Error).message);
  const line = form.querySelector<HTMLElement>("[data-form-error]");
  if (line) line.textContent = unplaced.join(" ");
}

/** Runs a form's action, showing its problems next to the fields; true when it succeeded. */
export async function submitting(form: HTMLElement, action: () => Promise<unknown>): Promise<boolean> {
  clearProblems(form);
  try {
    await action();
    return true;
  } catch (e) {
    showProblem(form, e);
    return false;
  }
}

export const value = (form: HTMLFormElement, name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? "").trim();
export const optional = (text: string) => (text === "" ? undefined : text);

/**
 * A list read from the wallboard's view (which hears of a saved item a moment later) with the items this page just
 * saved that it does not show yet, sorted by id.
 */
export function withSaved<T>(listed: T[], saved: Map<string, T>, id: (item: T) => string): T[] {
  const shown = new Set(listed.map(id));
  return [...listed, ...[...saved.values()].filter((item) => !shown.has(id(item)))].sort((a, b) => id(a).localeCompare(id(b)));
}
