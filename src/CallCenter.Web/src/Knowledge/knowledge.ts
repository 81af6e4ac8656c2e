import "../shared/style.css";
import "../shared/nav";
import { api, escape, post, signOut, turns } from "../shared/api";
import { t, toggleLanguage, translatePage } from "../shared/i18n";
import { when } from "../WorkOrders/orders";

// The knowledge-base editor: search, open an entry, write a draft (new entry or revision), approve someone else's draft.
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
translatePage();
$("language").addEventListener("click", toggleLanguage);
$("sign-out").addEventListener("click", signOut);

interface Content { question: string; answer: string; policyReferences: string[]; validFrom: string | null; validTo: string | null; tags: string[]; department: string | null; sourceOrders: string[] }
interface Version { version: number; content: Content; author: string; approvedBy: string; approvedAt: string }
interface Entry { entryId: string; current: Version | null; draft: Content | null; draftAuthor: string | null; history: Version[] }

let entryId: string | null = null;
const form = $<HTMLFormElement>("entry");

async function act(step: () => Promise<unknown>): Promise<void> {
  $("error").textContent = "";
  try {
    await step();
  } catch (e) {
    $("error").textContent = (e as Error).message;
  }
}

function fill(content: Content | null): void {
  const set = (name: string, value: string) => ((form.elements.namedItem(name) as HTMLInputElement).value = value);
  set("question", content?.question ?? "");
  set("answer", content?.answer ?? "");
  set("policyReferences", (content?.policyReferences ?? []).join("\n"));
  set("tags", (content?.tags ?? []).join(", "));
  set("department", content?.department ?? "");
  set("validFrom", content?.validFrom ?? "");
  set("validTo", content?.validTo ?? "");
}

async function open(id: string): Promise<void> {
  const entry = await api<Entry>(`/knowledge/entries/${encodeURIComponent(id)}`);
  entryId = id;
  $("editing").textContent = `${id}${entry.draft ? ` · ${t("draftBy")} ${entry.draftAuthor}` : ""}`;
  fill(entry.draft ?? entry.current?.content ?? null);
  $("versions").innerHTML = `<h3>${t("versions")}</h3><ol class="timeline">${entry.history.map((v) =>
    `<li>v${v.version} · ${escape(v.author)} → ${escape(v.approvedBy)} · ${when(v.approvedAt)}</li>`).join("") || "<li>—</li>"}</ol>
    ${(entry.draft ?? entry.current?.content)?.sourceOrders.length ? `<p>${t("sourceOrders")}: ${(entry.draft ?? entry.current!.content).sourceOrders
      .map((o) => `<a href="/workorders.html?order=${encodeURIComponent(o)}">${escape(o)}</a>`).join(", ")}</p>` : ""}`;
}

async function loadDrafts(): Promise<void> {
  const drafts = await api<{ entryId: string; question: string; author: string; at: string }[]>("/knowledge/drafts").catch(() => []);
  $("drafts").innerHTML = drafts.map((d) => `<li class="order" data-entry="${escape(d.entryId)}"><b>${escape(d.question)}</b><br>
    <small>${escape(d.author)} · ${when(d.at)}</small></li>`).join("") || `<p class="empty">—</p>`;
}

let searching = 0;
const searchTurn = turns();
$("query").addEventListener("input", () => {
  window.clearTimeout(searching);
  searching = window.setTimeout(async () => {
    const latest = searchTurn();
    const q = $<HTMLInputElement>("query").value.trim();
    const hits = q ? await api<{ entryId: string; question: string; answer: string; score: number }[]>(`/knowledge/search?q=${encodeURIComponent(q)}`).catch(() => []) : [];
    if (!latest()) return;
    $("hits").innerHTML = hits.map((h) => `<li class="order" data-entry="${escape(h.entryId)}"><b>${escape(h.question)}</b><br>${escape(h.answer)}</li>`).join("")
      || (q ? `<p class="empty">${t("noKnowledge")}</p>` : "");
  }, 250);
});

for (const list of ["hits", "drafts"]) {
  $(list).addEventListener("click", (e) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>("[data-entry]")?.dataset.entry;
    if (id) {
      void act(() => open(id));
    }
  });
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const f = Object.fromEntries(new FormData(form).entries()) as Record<string, string>;
  const body = {
    question: f.question, answer: f.answer, department: f.department || null,
    policyReferences: f.policyReferences.split("\n").map((s) => s.trim()).filter(Boolean),
    tags: f.tags.split(/[,，]/).map((s) => s.trim()).filter(Boolean),
    validFrom: f.validFrom || null, validTo: f.validTo || null,
  };
  void act(async () => {
    const saved = entryId
      ? await api<Entry>(`/knowledge/entries/${encodeURIComponent(entryId)}`, { method: "PUT", body: JSON.stringify(body) })
      : await post<Entry>("/knowledge/entries", body);
    await open(saved.entryId);
    await loadDrafts();
  });
});

$("approve").addEventListener("click", () => void act(async () => {
  if (entryId) {
    await post(`/knowledge/entries/${encodeURIComponent(entryId)}/approve`);
    await open(entryId);
    await loadDrafts();
  }
}));
$("new").addEventListener("click", () => {
  entryId = null;
  $("editing").textContent = t("newEntry");
  $("versions").innerHTML = "";
  fill(null);
});

async function start(): Promise<void> {
  const id = new URLSearchParams(location.search).get("entry");
  await Promise.all([loadDrafts(), id ? open(id) : Promise.resolve()]);
}

void start();
