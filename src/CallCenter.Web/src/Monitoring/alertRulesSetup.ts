import { api, put } from "../shared/api";
import { submitting } from "../shared/forms";
import { t } from "../shared/i18n";

// The alert thresholds the wallboard works to; saved ones replace the configured defaults within a second.
type Rules = Record<string, number | boolean>;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function load(): Promise<void> {
  const rules = await api<Rules>("/alerts/rules");
  const form = $<HTMLFormElement>("rules-form");
  for (const [name, value] of Object.entries(rules)) {
    const input = form.elements.namedItem(name) as HTMLInputElement | null;
    if (!input) continue;
    if (input.type === "checkbox") input.checked = Boolean(value);
    else input.value = String(value);
  }
}

export async function setUpAlertRules(): Promise<() => Promise<void>> {
  const form = $<HTMLFormElement>("rules-form");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const body: Rules = {};
    for (const input of form.querySelectorAll<HTMLInputElement>("input[name]")) {
      body[input.name] = input.type === "checkbox" ? input.checked : input.value === "" ? NaN : Number(input.value);
    }
    form.querySelector("[data-saved]")!.textContent = "";
    if (await submitting(form, () => put("/alerts/rules", body))) {
      form.querySelector("[data-saved]")!.textContent = t("saved");
      await load();
    }
  });
  await load();
  return load;
}
