import { api, escape, put } from "../shared/api";
import { submitting, value } from "../shared/forms";
import { t } from "../shared/i18n";
import { type Cause, departments } from "./orders";

// Departments that take work orders: the liaison (联络员), the backup, the head and the handlers.
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function load(): Promise<void> {
  const known = await departments();
  $("department-list").innerHTML = known.length === 0 ? `<tr><td class="empty">${t("noDepartments")}</td></tr>` :
    `<tr><th>${t("id")}</th><th>${t("name")}</th><th>${t("liaison")}</th><th>${t("backupLiaison")}</th><th>${t("head")}</th><th>${t("handlers")}</th><th></th></tr>` +
    known.map((d) => `<tr data-department="${escape(d.id)}"><td>${escape(d.id)}</td><td>${escape(d.name)}</td><td>${escape(d.liaison)}</td>
      <td>${escape(d.backup)}</td><td>${escape(d.head)}</td><td>${d.handlers.map(escape).join("、")}</td><td><button data-edit>${t("edit")}</button></td></tr>`).join("");
}

/** The managed complaint causes, one per line: id | 中文名 | English name. */
async function loadCauses(): Promise<void> {
  const causes = await api<Cause[]>("/work-orders/causes");
  ($("cause-form").querySelector("textarea") as HTMLTextAreaElement).value = causes.map((c) => `${c.id} | ${c.name} | ${c.nameEn}`).join("\n");
}

function setUpCauses(): void {
  const form = $<HTMLFormElement>("cause-form");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const lines = value(form, "causes").split("\n").map((l) => l.trim()).filter(Boolean);
    const causes = lines.map((l) => {
      const [id, name, nameEn] = l.split("|").map((p) => p.trim());
      return { id: id || null, name: name || null, nameEn: nameEn || null };
    });
    form.querySelector("[data-saved]")!.textContent = "";
    if (await submitting(form, () => put("/work-orders/causes", causes))) {
      form.querySelector("[data-saved]")!.textContent = t("saved");
      await loadCauses();
    }
  });
}

export async function setUpDepartments(): Promise<() => Promise<void>> {
  setUpCauses();
  const form = $<HTMLFormElement>("department-form");
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  $("new-department").addEventListener("click", () => form.reset());
  $("department-list").addEventListener("click", async (e) => {
    const id = (e.target as HTMLElement).closest("[data-edit]") && (e.target as HTMLElement).closest<HTMLElement>("[data-department]")?.dataset.department;
    const d = id ? (await departments()).find((x) => x.id === id) : undefined;
    if (!d) return;
    field("departmentId").value = d.id;
    field("name").value = d.name;
    field("liaison").value = d.liaison ?? "";
    field("backup").value = d.backup ?? "";
    field("head").value = d.head ?? "";
    field("handlers").value = d.handlers.join(", ");
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const id = value(form, "departmentId");
    const person = (name: string) => value(form, name) || null;
    form.querySelector("[data-saved]")!.textContent = "";
    if (await submitting(form, () => put(`/work-orders/departments/${encodeURIComponent(id) || "-"}`, {
      name: value(form, "name"), liaison: person("liaison"), backup: person("backup"), head: person("head"),
      handlers: value(form, "handlers").split(/[,，、\s]+/).filter(Boolean),
    }))) {
      form.querySelector("[data-saved]")!.textContent = `${t("saved")}: ${id}`;
      await load();
    }
  });
  await Promise.all([load(), loadCauses()]);
  return async () => {
    await Promise.all([load(), loadCauses()]);
  };
}
