import "../shared/style.css";
import "../shared/nav";
import { orderKind, orderNoticeText, orderStatus, satisfaction, timelineAction, timelineText } from "../shared/messages";
import { api, ApiError, escape, me, post, signOut, turns } from "../shared/api";
import { showProblem } from "../shared/forms";
import { t, toggleLanguage, translatePage, type Word } from "../shared/i18n";
import { downFor } from "../shared/hub";
import { assigneeText, causeNames, departments, follow, kindNames, provisionalWhy, type Department, type Notice, type Order, row, satisfactions, type Summary, when } from "./orders";

// The work-order inbox for every role: the list (by box, kind, follow-ups), the order in full with its timeline, and
// the steps the order allows now. The server decides who may take each step; a refusal shows its reason.
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
translatePage();
$("language").addEventListener("click", toggleLanguage);
$("sign-out").addEventListener("click", signOut);
for (const value of kindNames) {
  $("kind").insertAdjacentHTML("beforeend", `<option value="${value}">${escape(orderKind(value))}</option>`);
}

let chosen = new URLSearchParams(location.search).get("order");
let known: Department[] = [];

/** Runs a step; its problems are said under the form's fields (or on the page when it has none). */
async function act(step: () => Promise<unknown>, form?: HTMLFormElement): Promise<void> {
  $("error").textContent = "";
  try {
    await step();
    await Promise.all([loadInbox(), show()]);
  } catch (e) {
    if (form && e instanceof ApiError && Object.keys(e.errors).length) {
      showProblem(form, e);
    } else {
      $("error").textContent = (e as Error).message;
    }
  }
}

const inboxTurn = turns();
async function loadInbox(): Promise<void> {
  const latest = inboxTurn();
  const box = $<HTMLSelectElement>("box").value;
  const kind = $<HTMLInputElement>("follow-ups").checked ? "FollowUp" : $<HTMLSelectElement>("kind").value;
  const month = $<HTMLInputElement>("month").value;
  const orders = (await api<Summary[]>(`/work-orders?box=${box}${kind ? `&kind=${kind}` : ""}${month ? `&month=${month}` : ""}`))
    .filter((o) => !$<HTMLInputElement>("overdue-only").checked || o.overdue);
  if (!latest()) return;
  $("inbox").innerHTML = orders.map(row).join("")
    || `<p class="empty">${month ? t("noOrdersThatMonth") : t("nothingToDo")}</p>`;
}

async function loadNotices(): Promise<void> {
  const notices = await api<Notice[]>("/work-orders/notices");
  $("notices").innerHTML = notices.slice(0, 20).map((n) =>
    `<li data-order="${escape(n.orderId)}" class="notice ${escape(n.kind)}"><time>${when(n.at)}</time> ${escape(orderNoticeText(n))}</li>`).join("")
    || `<p class="empty">—</p>`;
}

function field(label: string, value: string | null | undefined): string {
  return value ? `<dt>${label}</dt><dd>${escape(value)}</dd>` : "";
}

let supervises = false;
let causes = new Map<string, string>();


function steps(o: Order): string {
  const parts: string[] = [];
  const department = known.find((d) => d.id === o.department);
  const routed = o.kind === "HardQuestion" || o.kind === "TaxReport";
  if (routed && (o.status === "AwaitingAssignment" || o.status === "InHand")) {
    const people = department ? [department.liaison, department.backup, department.head, ...department.handlers].filter(Boolean) as string[] : [];
    parts.push(`<form data-step="assign"><label>${t("assignTo")} <select name="handler">${[...new Set(people)].map((p) => `<option>${escape(p)}</option>`).join("")}</select></label><button>${t("assign")}</button></form>`);
    parts.push(`<form data-step="answer"><label>${o.kind === "TaxReport" ? t("outcomeOfReport") : t("answer")}<textarea name="answer" required maxlength="8000"></textarea></label>
      <label>${t("policyReferences")}<textarea name="policyReferences" rows="2"></textarea></label><button class="go">${t("sendAnswer")}</button></form>`);
    parts.push(`<form data-step="transfer"><label>${t("transferTo")} <select name="department">${known.filter((d) => d.id !== o.department).map((d) => `<option value="${escape(d.id)}">${escape(d.name)}</option>`).join("")}</select></label>
      <label>${t("reason")} <input name="reason" required maxlength="500"></label><button>${t("transfer")}</button></form>`);
  }
  const causeOptions = `<option value="">—</option>${[...causes].map(([id, name]) => `<option value="${escape(id)}">${escape(name)}</option>`).join("")}`;
  if (o.kind === "ServiceComplaint" && o.status === "InHand" && !o.finding) {
    parts.push(`<p class="hint">${t("complaintStays")} ${t("complaintJudgedBy")}</p>
      <form data-step="resolve"><label class="check"><input type="checkbox" name="valid"> ${t("complaintValid")}</label>
      <label>${t("personAtFault")} <input name="atFault" value="${escape(o.against ?? "")}" maxlength="64"></label>
      <label>${t("resolution")} <textarea name="resolution" required maxlength="4000"></textarea></label>
      <label class="check"><input type="checkbox" name="apology"> ${t("apologyGiven")}</label>
      <label>${t("cause")} <select name="cause">${causeOptions}</select></label>
      <fieldset data-field="actions"><legend>${t("correctiveActions")}</legend>
        ${[0, 1, 2].map((i) => `<div class="action-row" data-field="actions[${i}]"><input name="actionDescription" placeholder="${t("actionWhat")}" maxlength="1000">
          <input name="actionOwner" placeholder="${t("actionOwner")}" maxlength="64"><input name="actionDue" type="date"></div>`).join("")}</fieldset>
      <button class="go">${t("resolveOrder")}</button></form>`);
  }
  if (o.kind === "ServiceComplaint" && o.status === "InHand" && o.finding?.actions?.length) {
    const done = new Map((o.actionChecks ?? []).map((c) => [c.number, c]));
    parts.push(`<h3>${t("correctiveActions")}</h3><ol class="actions-list">${o.finding.actions.map((a, i) => {
      const check = done.get(i + 1);
      return `<li>${escape(a.description)} · ${escape(a.owner)} · ${escape(a.due)} ${check
        ? `<span class="badge">✓ ${escape(check.by)} ${when(check.at)}</span>`
        : `<form data-step="actions/${i + 1}/verify" class="inline"><input name="note" required maxlength="2000" placeholder="${t("verifyNote")}"><button>${t("verified")}</button></form>`}</li>`;
    }).join("")}</ol>`);
  }
  if (o.status === "AwaitingReply" || (o.kind === "Correction" && o.status === "InHand") || (o.kind === "FollowUp" && o.status === "InHand" && o.survey?.unsolved)) {
    parts.push(`<form data-step="reply"><label>${t("replyToTaxpayer")} <input name="note" required maxlength="2000" value="${t("repliedByPhone")}"></label><button class="go">${t("replied")}</button></form>`);
  }
  if (o.kind === "HardQuestion" && o.status !== "Closed") {
    parts.push(`<form data-step="guidance"><label>${t("guidanceMinutes")} <input name="minutes" type="number" min="1" max="600" required></label>
      <label>${t("guidanceNote")} <input name="note" required maxlength="2000"></label><button>${t("recordGuidance")}</button></form>`);
    parts.push(o.guidanceMinutes >= 30
      ? `<form data-step="dispatch"><fieldset><legend>${t("dispatchOnSite")}</legend>
          <label>${t("engineer")} <input name="engineer" required maxlength="64" data-field="dispatch.engineer"></label>
          <label>${t("visitAddress")} <input name="address" required maxlength="500" data-field="dispatch.address"></label>
          <label>${t("agreedAt")} <input name="agreedAt" type="datetime-local" required data-field="dispatch.agreedAt"></label></fieldset>
          <button class="go">${t("dispatch")}</button></form>`
      : `<p class="hint">${t("onSiteNeedsGuidance").replace("{minutes}", String(o.guidanceMinutes))}</p>`);
  }
  if (o.kind === "OnSite" && o.status === "InHand") {
    parts.push(o.fixedAt
      ? `<form data-step="visit-record"><label>${t("visitRecord")} <textarea name="note" required maxlength="4000"></textarea></label><button class="go">${t("saveVisitRecord")}</button></form>`
      : `<form data-step="fixed"><label>${t("fixNote")} <input name="note" required maxlength="2000"></label><button class="go">${t("faultFixed")}</button></form>`);
  }
  const faultChoice = `<span class="choice" data-field="serviceFault">${t("serviceFaultFound")}
      <label class="check"><input type="radio" name="serviceFault" value="yes"> ${t("yes")}</label>
      <label class="check"><input type="radio" name="serviceFault" value="no"> ${t("no")}</label></span>`;
  if (o.kind === "FollowUp" && o.status === "InHand" && !o.survey) {
    parts.push(`<form data-step="survey" class="survey"><fieldset><legend>${t("satisfactionSurvey")}</legend>
      ${satisfactions.map((s) => `<label class="check"><input type="radio" name="satisfaction" value="${s}" required> ${satisfaction(s)}</label>`).join(" ")}
      <label>${t("reason")} <input name="reason" maxlength="1000"></label>
      ${faultChoice}<p class="hint">${t("faultDecisionHint")}</p>
      <label>${t("faultDescription")} <input name="faultDescription" maxlength="1000"></label>
      <label>${t("personAtFault")} <input name="atFault" maxlength="64"></label>
      <label>${t("cause")} <select name="cause">${causeOptions}</select></label>
      <label class="check"><input type="checkbox" name="unsolved"> ${t("problemUnsolved")}</label></fieldset><button class="go">${t("saveSurvey")}</button></form>`);
  }
  if (o.kind === "FollowUp" && o.status === "InHand" && o.survey && o.assigneeLevel === "Supervisors" && supervises) {
    parts.push(`<form data-step="review" class="survey"><fieldset><legend>${t("surveyReview")}</legend>
      <p class="hint">${t("surveyReviewHint")}</p>${faultChoice}
      <label>${t("note")} <input name="note" required maxlength="2000"></label>
      <label>${t("personAtFault")} <input name="atFault" maxlength="64"></label></fieldset><button class="go">${t("saveReview")}</button></form>`);
  }
  if (o.kind !== "IntegrityReferral") {
    parts.push(`<form data-step="comments"><label>${t("commentLabel")} <input name="text" required maxlength="2000"></label><button>${t("add")}</button></form>
      <form data-step="attachments"><label>${t("attachment")} <input type="file" name="file" required></label><button>${t("upload")}</button></form>`);
  }
  return parts.join("");
}

const detailTurn = turns();
async function show(): Promise<void> {
  if (!chosen) {
    return;
  }
  const latest = detailTurn();
  const o = await api<Order>(`/work-orders/${encodeURIComponent(chosen)}`);
  if (!latest()) return;
  const r = o.taxReport;
  const provisional = provisionalWhy(o);
  $("detail").innerHTML = `
    <header><h2>${escape(orderKind(o.kind))} <small>${escape(o.orderId)}</small></h2>
      <span class="pill">${escape(orderStatus(o.status))}</span>${o.overdue ? ` <span class="badge bad">${t("overdueBadge")}</span>` : ""}</header>
    <dl class="facts">
      ${field(t("department"), known.find((d) => d.id === o.department)?.name ?? o.department)}${field(t("owner"), o.owner)}${field(t("assignee"), o.assignee ? assigneeText(o, true) : null)}
      ${field(t("dueLabel"), o.due ? when(o.due) : null)}${o.due && provisional ? `<dd class="warning provisional-warning">${escape(provisional)}</dd>` : ""}${field(t("callLabel"), o.callId)}
      ${field(t("taxpayer"), [o.taxpayer.name, o.taxpayer.phone, o.taxpayer.taxpayerId].filter(Boolean).join(" · "))}
      ${field(t("questionShort"), o.question)}${field(t("answer"), o.answer)}${field(t("severity"), o.severity ? t(o.severity as Word) : null)}
      ${r ? field(t("reportedParty"), `${r.subject} ${r.subjectTaxpayerId ?? ""}`) + field(t("conduct"), r.conduct) + field(t("taxPeriod"), r.period) + field(t("amount"), r.amount?.toString()) : ""}
      ${r?.anonymous ? field(t("anonymousReport"), t("anonymousNoFollowUp")) : ""}
      ${o.guidanceMinutes ? field(t("guidanceMinutes"), String(o.guidanceMinutes)) : ""}
      ${o.dispatch ? field(t("dispatchOnSite"), `${o.dispatch.engineer} · ${o.dispatch.address} · ${when(o.dispatch.agreedAt)}`) : ""}
      ${field(t("faultFixed"), o.fixedAt ? when(o.fixedAt) : null)}${field(t("visitRecord"), o.visitRecord)}
      ${o.finding ? field(t("finding"), `${o.finding.valid ? t("findingValid") : t("findingNotValid")} · ${o.finding.atFault ?? ""} · ${o.finding.resolution}${o.finding.valid ? ` · ${o.finding.apology ? t("apologyGiven") : t("noApology")}` : ""}${o.finding.cause ? ` · ${causes.get(o.finding.cause) ?? o.finding.cause}` : ""}`) : ""}
      ${o.survey ? field(t("survey"), `${satisfaction(o.survey.satisfaction)}${o.survey.reason ? " · " + o.survey.reason : ""}${o.survey.serviceFault ? ` · ${t("serviceFault")}` : ""}`) : ""}
      ${field(t("knowledgeDraft"), o.knowledgeEntry)}${field(t("source"), o.sourceOrder)}${field(t("relatedOrders"), o.relatedOrders.join(", "))}
    </dl>
    ${o.attachments.length ? `<h3>${t("attachments")}</h3><ul>${o.attachments.map((a) =>
      `<li><a href="/api/v1/work-orders/${encodeURIComponent(o.orderId)}/attachments/${a.number}">${escape(a.fileName)}</a> <small>${a.bytes} B · ${escape(a.addedBy)}</small></li>`).join("")}</ul>` : ""}
    <div class="steps">${steps(o)}</div>
    <h3>${t("orderTimeline")}</h3>
    <ol class="timeline">${o.timeline.map((e) => `<li><time>${when(e.at)}</time> <b>${escape(e.actor === "system" ? t("systemActor") : e.actor)}</b> ${escape(timelineAction(e.action))} ${escape(timelineText(e, (id) => known.find((d) => d.id === id)?.name ?? id))}</li>`).join("")}</ol>`;
}

$("detail").addEventListener("submit", (e) => {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const step = form.dataset.step!;
  const data = new FormData(form);
  const path = `/work-orders/${encodeURIComponent(chosen!)}/${step}`;
  if (step === "attachments") {
    void act(() => api(path, { method: "POST", body: data }));
    return;
  }
  if (step === "dispatch") {
    const source = chosen!;
    void act(async () => {
      const opened = await post<{ order: Order }>("/work-orders", {
        kind: "OnSite", sourceOrder: source, question: `${t("onSiteFor")} ${source}`,
        dispatch: { engineer: data.get("engineer"), address: data.get("address"), agreedAt: new Date(String(data.get("agreedAt"))).toISOString() },
      });
      chosen = opened.order.orderId;
    }, form);
    return;
  }
  const body: Record<string, unknown> = Object.fromEntries(data.entries());
  if (form.elements.namedItem("valid")) {
    body.valid = data.has("valid");
    body.apology = data.has("apology");
    const what = data.getAll("actionDescription").map(String), who = data.getAll("actionOwner").map(String), by = data.getAll("actionDue").map(String);
    body.actions = what.map((d, i) => ({ description: d.trim(), owner: who[i].trim(), due: by[i] || null })).filter((a) => a.description || a.owner || a.due);
    delete body.actionDescription; delete body.actionOwner; delete body.actionDue;
    if (!body.cause) delete body.cause;
  }
  if (form.elements.namedItem("unsolved")) {
    body.unsolved = data.has("unsolved");
    if (!body.cause) delete body.cause;
  }
  if (form.querySelector("input[name=serviceFault]")) {
    const fault = data.get("serviceFault");
    body.serviceFault = fault === "yes" ? true : fault === "no" ? false : null;
  }
  if (step === "answer") {
    body.policyReferences = String(body.policyReferences ?? "").split("\n").map((s) => s.trim()).filter(Boolean);
  }
  void act(() => post(path, body), form);
});

for (const list of ["inbox", "notices"]) {
  $(list).addEventListener("click", (e) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>("[data-order]")?.dataset.order;
    if (id) {
      chosen = id;
      history.replaceState(null, "", `?order=${encodeURIComponent(id)}`);
      void show().catch((error) => ($("error").textContent = (error as Error).message));
    }
  });
}
for (const control of ["box", "kind", "follow-ups", "overdue-only", "month"]) {
  $(control).addEventListener("change", () => void loadInbox());
}

const defaultBox: [string, string][] = [["Supervisor", "all"], ["Admin", "all"], ["Grader", "all"], ["QualityOfficer", "pool"], ["Liaison", "department"], ["Agent", "owned"]];

async function start(): Promise<void> {
  const user = await me();
  supervises = user.roles.includes("Supervisor") || user.roles.includes("Admin");
  $<HTMLSelectElement>("box").value = defaultBox.find(([role]) => user.roles.includes(role))?.[1] ?? "mine";
  known = await departments();
  causes = await causeNames();
  $("directory").hidden = !user.roles.includes("Admin");
  await Promise.all([loadInbox(), loadNotices(), show().catch(() => undefined)]);
  await follow((order) => {
    void loadInbox();
    void loadNotices();
    if (order.orderId === chosen) {
      void show();
    }
  }, (live, secondsDown) => {
    $("live").textContent = live ? t("connected") : `${t("reconnecting")} ${downFor(secondsDown)}`;
    $("live").classList.toggle("live", live);
    if (live) {
      // Changes made while cut off were not pushed: read the lists again.
      void loadInbox();
      void loadNotices();
    }
  });
}

void start();
