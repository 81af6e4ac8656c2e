import { api, ApiError, escape, put } from "../shared/api";
import { showProblem, submitting, value } from "../shared/forms";
import { t } from "../shared/i18n";

// Scorecard forms: the current version's sections and questions, and a new version published from edited JSON
// (evaluations keep the version they were scored on).
interface Question { id: string; text: string; kind: string; maxPoints: number; critical: string }
interface Form { id: string; name: string; version: number; sections: { id: string; name: string; weight: number; questions: Question[] }[] }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const formId = () => value($<HTMLFormElement>("form-load"), "formId");

async function load(): Promise<void> {
  const publish = $<HTMLFormElement>("form-publish");
  const text = publish.elements.namedItem("form") as HTMLTextAreaElement;
  try {
    const form = await api<Form>(`/grading/forms/${encodeURIComponent(formId())}`);
    $("form-view").innerHTML = `<h3>${escape(form.name)} · ${t("version")} ${form.version}</h3>` + form.sections.map((s) => `
      <table class="grid"><tr><th colspan="2">${escape(s.name)} · ${t("weight")} ${s.weight}</th><th>${t("points")}</th></tr>
      ${s.questions.map((q) => `<tr><td>${escape(q.id)}</td><td>${escape(q.text)}${q.critical !== "None" ? ` <span class="badge bad">${t("criticalFail")}</span>` : ""}</td><td>${q.maxPoints}</td></tr>`).join("")}</table>`).join("");
    text.value = JSON.stringify({ name: form.name, sections: form.sections }, null, 2);
  } catch (e) {
    $("form-view").innerHTML = `<p class="empty">${escape(e instanceof ApiError && e.status === 404 ? `${formId()}: —` : (e as Error).message)}</p>`;
    text.value = JSON.stringify({ name: "", sections: [] }, null, 2);
  }
}

export async function setUpForms(): Promise<() => Promise<void>> {
  $("form-load").addEventListener("submit", (e) => {
    e.preventDefault();
    void load();
  });
  const publish = $<HTMLFormElement>("form-publish");
  publish.addEventListener("submit", async (e) => {
    e.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(value(publish, "form"));
    } catch (error) {
      showProblem(publish, new ApiError(400, "", { sections: [(error as Error).message] }));
      return;
    }
    publish.querySelector("[data-saved]")!.textContent = "";
    let published: Form | undefined;
    if (await submitting(publish, async () => (published = await put<Form>(`/grading/forms/${encodeURIComponent(formId())}`, body)))) {
      publish.querySelector("[data-saved]")!.textContent = `${t("saved")}: ${t("version")} ${published!.version}`;
      await load();
    }
  });
  await load();
  return load;
}
