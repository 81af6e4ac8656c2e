import { api, escape, put } from "../shared/api";
import { submitting, value, withSaved } from "../shared/forms";
import { t } from "../shared/i18n";

// Queues: strategy, service-level target, ring timeout and an optional overflow to another queue.
interface QueueItem { queueId: string; name: string; serviceLevelSeconds: number }
interface QueueDetail { queueId: string; name: string; strategy: string; serviceLevelSeconds: number; ringTimeoutSeconds: number; overflow: { afterSeconds: number; toQueue: string } | null }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const field = (name: string) => $<HTMLFormElement>("queue-form").elements.namedItem(name) as HTMLInputElement;

const saved = new Map<string, QueueItem>();

async function load(): Promise<void> {
  const listed = await api<QueueItem[]>("/queues");
  const queues = withSaved(listed, saved, (q) => q.queueId);
  $("queue-list").innerHTML = queues.length === 0 ? `<tr><td class="empty">${t("noQueues")}</td></tr>` :
    `<tr><th>${t("id")}</th><th>${t("name")}</th><th>${t("serviceLevelSeconds")}</th><th></th></tr>` +
    queues.map((q) => `<tr data-queue="${escape(q.queueId)}"><td>${escape(q.queueId)}</td><td>${escape(q.name)}</td>
      <td>${q.serviceLevelSeconds}</td><td><button data-edit>${t("edit")}</button></td></tr>`).join("");
  const target = field("overflow.toQueue").value;
  field("overflow.toQueue").innerHTML = `<option value="">${t("noOverflow")}</option>` +
    queues.map((q) => `<option value="${escape(q.queueId)}">${escape(q.name)} (${escape(q.queueId)})</option>`).join("");
  field("overflow.toQueue").value = target;
}

function fill(queue: QueueDetail | null): void {
  $<HTMLFormElement>("queue-form").reset();
  if (!queue) return;
  field("queueId").value = queue.queueId;
  field("name").value = queue.name;
  field("strategy").value = queue.strategy;
  field("serviceLevelSeconds").value = String(queue.serviceLevelSeconds);
  field("ringTimeoutSeconds").value = String(queue.ringTimeoutSeconds);
  field("overflow.toQueue").value = queue.overflow?.toQueue ?? "";
  if (queue.overflow) field("overflow.afterSeconds").value = String(queue.overflow.afterSeconds);
}

export async function setUpQueues(): Promise<() => Promise<void>> {
  const form = $<HTMLFormElement>("queue-form");
  $("new-queue").addEventListener("click", () => fill(null));
  $("queue-list").addEventListener("click", async (e) => {
    const id = (e.target as HTMLElement).closest("[data-edit]") && (e.target as HTMLElement).closest<HTMLElement>("[data-queue]")?.dataset.queue;
    if (id) fill(await api<QueueDetail>(`/queues/${encodeURIComponent(id)}`));
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const queueId = value(form, "queueId");
    const toQueue = value(form, "overflow.toQueue");
    const number = (name: string) => (value(form, name) === "" ? null : Number(value(form, name)));
    form.querySelector("[data-saved]")!.textContent = "";
    if (await submitting(form, async () => saved.set(queueId, await put<QueueItem>(`/queues/${encodeURIComponent(queueId) || "-"}`, {
      name: value(form, "name"), strategy: value(form, "strategy"), serviceLevelSeconds: number("serviceLevelSeconds"),
      ringTimeoutSeconds: number("ringTimeoutSeconds"), overflow: toQueue ? { afterSeconds: number("overflow.afterSeconds"), toQueue } : null,
    })))) {
      form.querySelector("[data-saved]")!.textContent = `${t("saved")}: ${queueId}`;
      await load();
    }
  });
  await load();
  return load;
}
