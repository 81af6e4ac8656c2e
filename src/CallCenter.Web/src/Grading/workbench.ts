import "../shared/style.css";
import "../shared/nav";
import WaveSurfer from "wavesurfer.js";
import RegionsPlugin from "wavesurfer.js/dist/plugins/regions.js";
import { api, escape, me, post, signOut, turns } from "../shared/api";
import { submitting, value } from "../shared/forms";
import { t, toggleLanguage, translatePage } from "../shared/i18n";

interface Question { id: string; text: string; kind: "Scale" | "YesNo"; maxPoints: number; allowNotApplicable: boolean; commentRequiredBelow: number | null; critical: string }
interface Section { id: string; name: string; weight: number; questions: Question[] }
interface Answer { questionId: string; points: number | null; notApplicable: boolean; comment: string | null }
interface Evaluation {
  evaluationId: string; callId: string; agent: string; status: string; due: string | null;
  form: { id: string; version: number; sections: Section[] }; answers: Answer[];
  score: { total: number; criticalFailed: boolean; complete: boolean };
}
interface Analysis {
  recording: { durationSeconds: number; agentChannel: number; analytics: { deadAir: { start: number; end: number; long: boolean }[]; overTalk: { start: number; end: number }[] | null } };
  peaks: { durationSeconds: number; channels: number[][] };
}

// The grader's workbench: the queue of assigned calls, a split-channel player drawn from the stored peaks with dead-air
// and over-talk markers, and the scorecard beside it with the running total (deduction style: it starts at full marks).
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
translatePage();
$("language").addEventListener("click", toggleLanguage);
$("sign-out").addEventListener("click", signOut);

let player: WaveSurfer | null = null;
let current: Evaluation | null = null;
let silences: { start: number; end: number }[] = [];
const clock = (s: number) => `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, "0")}`;

async function loadQueue(): Promise<void> {
  const tasks = await api<{ evaluationId: string; due: string | null }[]>("/grading/queue");
  const items = await Promise.all(tasks.map((task) => api<Evaluation>(`/grading/evaluations/${encodeURIComponent(task.evaluationId)}`)));
  $("queue").innerHTML = items.length === 0 ? `<p class="empty">${t("noAssigned")}</p>` : items.map((e) => `
    <li data-evaluation="${escape(e.evaluationId)}" class="${e.status}">
      <b>${escape(e.callId)}</b> · ${escape(e.agent)}<br><small>${t(e.status === "Draft" ? "draft" : "submitted")}${e.due ? ` · ${t("due")} ${new Date(e.due).toLocaleDateString()}` : ""}</small>
    </li>`).join("");
}

$("queue").addEventListener("click", (e) => {
  const item = (e.target as HTMLElement).closest<HTMLElement>("[data-evaluation]");
  if (item) {
    void open(item.dataset.evaluation!);
  }
});

const openTurn = turns();
async function open(evaluationId: string): Promise<void> {
  const latest = openTurn();
  const evaluation = await api<Evaluation>(`/grading/evaluations/${encodeURIComponent(evaluationId)}`);
  const analysis = await api<Analysis>(`/calls/${encodeURIComponent(evaluation.callId)}/recording/analysis`);
  if (!latest()) return;
  current = evaluation;
  $("work").hidden = false;
  $("call-title").innerHTML = `<b>${escape(current.callId)}</b> · ${escape(current.agent)} · ${t("formVersion")} ${current.form.version}`;
  player?.destroy();
  const regions = RegionsPlugin.create();
  const agentFirst = analysis.recording.agentChannel === 0;
  player = WaveSurfer.create({
    container: "#wave",
    url: `/api/v1/calls/${encodeURIComponent(current.callId)}/recording`,
    peaks: analysis.peaks.channels,
    duration: analysis.peaks.durationSeconds,
    height: 60,
    splitChannels: [
      { waveColor: agentFirst ? "#2f7bd8" : "#d8842f", progressColor: agentFirst ? "#174a87" : "#8a4d12" },
      { waveColor: agentFirst ? "#d8842f" : "#2f7bd8", progressColor: agentFirst ? "#8a4d12" : "#174a87" },
    ],
    plugins: [regions],
  });
  const a = analysis.recording.analytics;
  silences = a.deadAir;
  const marks = [
    ...a.deadAir.map((d) => ({ ...d, kind: "deadAir" as const })),
    ...(a.overTalk ?? []).map((o) => ({ ...o, kind: "overTalk" as const })),
  ].sort((x, y) => x.start - y.start);
  player.on("ready", () => {
    marks.forEach((m) => regions.addRegion({ start: m.start, end: m.end, color: m.kind === "deadAir" ? "rgba(220,60,60,.18)" : "rgba(240,160,0,.25)", drag: false, resize: false }));
    $("wave").dataset.ready = "true";
  });
  player.on("timeupdate", (time) => {
    $("time").textContent = clock(time);
    const silence = $<HTMLInputElement>("skip-silence").checked ? silences.find((s) => time >= s.start && time < s.end - 0.2) : undefined;
    if (silence && player?.isPlaying()) {
      player.setTime(silence.end);
    }
  });
  player.on("play", () => { $("play").textContent = t("pause"); $("play").dataset.playing = "true"; });
  player.on("pause", () => { $("play").textContent = t("play"); $("play").dataset.playing = "false"; });
  $("markers").innerHTML = marks.map((m) => `<button type="button" class="marker ${m.kind}" data-marker="${m.kind}" data-at="${m.start}">${t(m.kind)} ${clock(m.start)}–${clock(m.end)}</button>`).join("");
  renderForm();
  if (current.status === "Draft" && current.answers.length === 0) {
    saving = saving.then(save); // the form starts at full marks: store them so the total is the one shown
  }
  await loadQueue();
}

function renderForm(): void {
  const e = current!;
  const given = new Map(e.answers.map((a) => [a.questionId, a]));
  const editable = e.status === "Draft";
  $("form").innerHTML = e.form.sections.map((s) => `
    <fieldset><legend>${escape(s.name)} <small>(${s.weight})</small></legend>
      ${s.questions.map((q) => {
        const a = given.get(q.id);
        const points = a ? a.points : q.maxPoints;
        const options = q.kind === "YesNo"
          ? [[q.maxPoints, t("yes")], [0, t("no")]]
          : Array.from({ length: q.maxPoints + 1 }, (_, i) => [q.maxPoints - i, `${q.maxPoints - i}`]);
        return `<div class="question ${q.critical !== "None" ? "critical" : ""}" data-question="${escape(q.id)}">
          <label>${escape(q.text)}</label>
          <select data-points ${editable ? "" : "disabled"}>${options.map(([v, label]) => `<option value="${v}" ${!a?.notApplicable && points === v ? "selected" : ""}>${label}</option>`).join("")}
            ${q.allowNotApplicable ? `<option value="na" ${a?.notApplicable ? "selected" : ""}>${t("notApplicable")}</option>` : ""}</select>
          <input data-comment maxlength="1000" placeholder="${t("comment")}" value="${escape(a?.comment ?? "")}" ${editable ? "" : "disabled"}>
          <button type="button" data-stamp title="${t("stamp")}" ${editable ? "" : "disabled"}>${t("stampShort")}</button>
        </div>`;
      }).join("")}
    </fieldset>`).join("");
  showScore(e);
}

function answers(): Answer[] {
  return [...document.querySelectorAll<HTMLElement>("[data-question]")].map((row) => {
    const value = row.querySelector<HTMLSelectElement>("[data-points]")!.value;
    const comment = row.querySelector<HTMLInputElement>("[data-comment]")!.value.trim();
    return { questionId: row.dataset.question!, points: value === "na" ? null : Number(value), notApplicable: value === "na", comment: comment || null };
  });
}

function showScore(e: Evaluation): void {
  $("total").textContent = `${e.score.total}`;
  $("critical").hidden = !e.score.criticalFailed;
  $("status").textContent = t(e.status === "Draft" ? "draft" : "submitted");
  $<HTMLButtonElement>("submit").disabled = e.status !== "Draft";
}

let saving: Promise<void> = Promise.resolve();
async function save(): Promise<void> {
  $("error").textContent = "";
  try {
    current = await api<Evaluation>(`/grading/evaluations/${encodeURIComponent(current!.evaluationId)}/answers`, { method: "PUT", body: JSON.stringify({ answers: answers() }) });
    showScore(current);
  } catch (e) {
    $("error").textContent = (e as Error).message;
  }
}

$("form").addEventListener("change", () => { saving = saving.then(save); });
$("form").addEventListener("click", (e) => {
  const stamp = (e.target as HTMLElement).closest("[data-stamp]");
  if (stamp && player) {
    const input = stamp.parentElement!.querySelector<HTMLInputElement>("[data-comment]")!;
    input.value = `[${clock(player.getCurrentTime())}] ${input.value}`;
    saving = saving.then(save);
  }
});
$("markers").addEventListener("click", (e) => {
  const marker = (e.target as HTMLElement).closest<HTMLElement>("[data-marker]");
  if (marker && player) {
    player.setTime(Number(marker.dataset.at));
    $("time").textContent = clock(player.getCurrentTime());
  }
});
$("play").addEventListener("click", () => void player?.playPause());
$("back").addEventListener("click", () => player?.skip(-5));
$("forward").addEventListener("click", () => player?.skip(5));
$("speed").addEventListener("change", () => player?.setPlaybackRate(Number($<HTMLSelectElement>("speed").value)));
$("submit").addEventListener("click", async () => {
  await saving;
  $("error").textContent = "";
  try {
    current = await post<Evaluation>(`/grading/evaluations/${encodeURIComponent(current!.evaluationId)}/submit`);
    renderForm();
    await loadQueue();
  } catch (e) {
    $("error").textContent = (e as Error).message;
  }
});

// Keyboard: space play/pause, ← / → five seconds, [ / ] slower / faster; not while typing in the form.
document.addEventListener("keydown", (e) => {
  if (!player || (e.target as HTMLElement).closest("input, select, textarea")) {
    return;
  }
  const speed = $<HTMLSelectElement>("speed");
  if (e.key === " ") { e.preventDefault(); void player.playPause(); }
  else if (e.key === "ArrowLeft") { player.skip(-5); }
  else if (e.key === "ArrowRight") { player.skip(5); }
  else if (e.key === "[" || e.key === "]") {
    speed.selectedIndex = Math.max(0, Math.min(speed.options.length - 1, speed.selectedIndex + (e.key === "]" ? 1 : -1)));
    player.setPlaybackRate(Number(speed.value));
  }
});

async function start(): Promise<void> {
  await loadQueue();
  if ((await me()).roles.some((r) => r === "Supervisor" || r === "Admin")) await showSampling();
}

interface SampleResult { week: string; candidates: number; assignments: { callId: string; agent: string; queue: string; grader: string; flagged: boolean }[]; due: string }

/** Supervisors draw the week's grading sample here: calls per agent, which graders, and see who got what. */
async function showSampling(): Promise<void> {
  const form = $<HTMLFormElement>("sample-form");
  $("sampling").hidden = false;
  const graders = await api<{ userName: string; displayName: string | null }[]>("/grading/graders");
  $("grader-choices").innerHTML = graders.map((g) =>
    `<label class="check"><input type="checkbox" name="graders" value="${escape(g.userName)}" checked> ${escape(g.displayName ?? g.userName)}</label>`).join("");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const chosen = [...form.querySelectorAll<HTMLInputElement>("input[name=graders]:checked")].map((c) => c.value);
    const week = value(form, "week");
    let result: SampleResult | undefined;
    if (await submitting(form, async () => (result = await post<SampleResult>("/grading/samples", {
      week: week || undefined, perAgent: Number(value(form, "perAgent")), graders: chosen,
    })))) {
      const r = result!;
      $("sample-result").innerHTML = `<li><b>${escape(r.week)}</b> · ${t("sampleDrawn")} ${r.assignments.length} / ${r.candidates} · ${t("due")} ${new Date(r.due).toLocaleString()}</li>` +
        r.assignments.map((a) => `<li data-call="${escape(a.callId)}">${escape(a.agent)} · ${escape(a.callId)} → ${escape(a.grader)}${a.flagged ? ` <span class="badge bad">!</span>` : ""}</li>`).join("");
    }
  });
}

void start();
