import "../shared/style.css";
import "../shared/nav";
import { dutyNoticeText } from "../shared/messages";
import { api, escape, me, post, signOut } from "../shared/api";
import { t, toggleLanguage, translatePage, type Word } from "../shared/i18n";
import type { DutyNotice, ShiftView } from "../shared/types";

interface MyDuty {
  user: string;
  active: ShiftView | null;
  shifts: ShiftView[];
  notices: DutyNotice[];
}

// The duty officer's page, made for a phone: the current shift with check-out and handover, the next shifts with
// check-in and swaps, and notices (swap requests, no-shows to cover, approvals for department heads).
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
translatePage();
$("language").addEventListener("click", toggleLanguage);
$("sign-out").addEventListener("click", signOut);

let user = "";
const path = (shiftId: string) => `/duty/shifts/${shiftId.split("/").map(encodeURIComponent).join("/")}`;
const time = (at: string) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
const statusWord = (s: ShiftView) => t(s.status === "Open" ? (s.late ? "dutyLate" : "dutyExpected") : (`duty${s.status}` as Word));

async function act(action: () => Promise<unknown>): Promise<void> {
  $("error").textContent = "";
  try {
    await action();
  } catch (e) {
    $("error").textContent = (e as Error).message;
  }
  await refresh();
}

function handover(title: Word, h: ShiftView["handover"]): string {
  return h && (h.notes || h.openMatters.length)
    ? `<div class="handover" data-handover><b>${t(title)}</b> (${escape(h.by)} ${time(h.at)})\n${escape(h.notes)}${h.openMatters.map((m) => `\n• ${escape(m)}`).join("")}</div>`
    : "";
}

function card(s: ShiftView): string {
  const shift = s.plan.shift;
  const mine = shift.officer === user;
  const canCheckIn = (s.status === "Open" && mine) || (s.status === "NoShow" && (mine || shift.backup === user));
  const swapToMe = s.swap && s.swap.to === user && !s.swap.acceptedAt;
  return `
    <article class="shift-card ${s.status}" data-shift="${escape(shift.shiftId)}">
      <h3>${escape(shift.date)} ${escape(s.plan.templateName)} · ${time(shift.start)}–${time(shift.end)}${demoBadge(s.plan.demo)}</h3>
      <div class="meta">${escape(s.plan.departmentName)} · ${mine ? t("officerRole") : t("backupRole")} ·
        <span data-status>${statusWord(s)}</span></div>
      ${s.swap ? `<div class="meta">${t("swapPending")}: ${escape(s.swap.from)} → ${escape(s.swap.to)}${s.swap.acceptedAt ? ` ✓` : ""}</div>` : ""}
      <div class="actions">
        ${canCheckIn ? `<button class="go" data-check-in>${t("checkIn")}</button>` : ""}
        ${swapToMe ? `<button data-swap-answer="true">${t("accept")}</button><button data-swap-answer="false">${t("decline")}</button>` : ""}
      </div>
      ${mine && (s.status === "Scheduled" || s.status === "Open") && !s.swap
        ? `<div class="actions"><input data-colleague placeholder="${t("colleague")}" maxlength="64"><button data-swap>${t("askSwap")}</button></div>` : ""}
    </article>`;
}

function activeCard(s: ShiftView): string {
  const shift = s.plan.shift;
  return `
    <h2>${t("activeShift")}</h2>
    <article class="shift-card CheckedIn" data-active="${escape(shift.shiftId)}">
      <h3>${escape(s.plan.departmentName)} · ${escape(s.plan.templateName)} ${time(shift.start)}–${time(shift.end)}${demoBadge(s.plan.demo)}</h3>
      <div class="meta"><span data-status>${t("dutyCheckedIn")} ${s.checkedInAt ? time(s.checkedInAt) : ""}</span>${s.late ? ` · ${t("dutyLate")}` : ""}${s.overtime ? ` · ${t("dutyOvertime")}` : ""}</div>
      ${handover("previousHandover", s.previousHandover)}
      <label>${t("handoverNotes")}<textarea id="notes" maxlength="4000" rows="3"></textarea></label>
      <label>${t("openMatters")}<textarea id="matters" rows="2" placeholder="WO20261128-1a2b3c …"></textarea></label>
      <p class="hint">${t("openMattersHint")}</p>
      <div class="actions"><button class="go" id="check-out">${t("checkOut")}</button></div>
    </article>`;
}

async function refresh(): Promise<void> {
  const duty = await api<MyDuty>("/duty/me");
  rotation = duty.active?.plan.rotation ?? duty.shifts[0]?.plan.rotation ?? "";
  $("feed").hidden = !rotation;
  $("active").innerHTML = duty.active ? activeCard(duty.active) : "";
  const upcoming = duty.shifts.filter((s) => s.plan.shift.shiftId !== duty.active?.plan.shift.shiftId);
  $("shifts").innerHTML = upcoming.length === 0 ? `<p class="empty">${t("noShifts")}</p>` : upcoming.map(card).join("");
  $("notices").innerHTML = duty.notices.length === 0 ? `<p class="empty">—</p>` : duty.notices.slice(0, 30).map((n) => `
    <li data-notice="${escape(n.kind)}"><time>${new Date(n.at).toLocaleString()}</time> ${escape(dutyNoticeText(n))}
      ${n.kind === "swap-approval" && n.shiftId ? `<button data-approve="${escape(n.shiftId)}">${t("approve")}</button>` : ""}</li>`).join("");
}

document.addEventListener("click", (e) => {
  const target = e.target as HTMLElement;
  const shiftId = target.closest<HTMLElement>("[data-shift]")?.dataset.shift;
  if (target.matches("[data-check-in]") && shiftId) {
    void act(() => post(`${path(shiftId)}/check-in`, { device: navigator.userAgent.slice(0, 200) }));
  } else if (target.matches("[data-swap]") && shiftId) {
    const colleague = target.parentElement!.querySelector<HTMLInputElement>("[data-colleague]")!.value.trim();
    void act(() => post(`${path(shiftId)}/swap`, { colleague }));
  } else if (target.matches("[data-swap-answer]") && shiftId) {
    void act(() => post(`${path(shiftId)}/swap/answer`, { accept: target.dataset.swapAnswer === "true" }));
  } else if (target.matches("[data-approve]")) {
    void act(() => post(`${path(target.dataset.approve!)}/swap/approve`));
  } else if (target.id === "check-out") {
    const activeId = target.closest<HTMLElement>("[data-active]")!.dataset.active!;
    const openMatters = $<HTMLTextAreaElement>("matters").value.split("\n").map((m) => m.trim()).filter(Boolean);
    void act(() => post(`${path(activeId)}/check-out`, { notes: $<HTMLTextAreaElement>("notes").value, openMatters, device: navigator.userAgent.slice(0, 200) }));
  }
});

// A private address for calendar apps (valid a year); shown once asked for, to copy into the app.
let rotation = "";
$("feed").addEventListener("click", () => act(async () => {
  const link = await api<{ url: string }>(`/duty/rotations/${encodeURIComponent(rotation)}/feed-link`);
  const input = $<HTMLInputElement>("feed-url");
  input.value = location.origin + link.url;
  input.hidden = false;
  input.select();
}));

async function start(): Promise<void> {
  user = (await me()).userName;
  await refresh();
  // Status changes with the clock (window opens, late, no-show); a minute is close enough for a phone.
  setInterval(() => void refresh().catch(() => undefined), 30_000);
}

void start();

/** The demo's rotation has shifts on every day, weekends included: each says it is a demo shift. */
function demoBadge(demo: boolean | undefined): string {
  return demo ? ` <span class="badge" data-demo>${t("demoShift")}</span>` : "";
}
