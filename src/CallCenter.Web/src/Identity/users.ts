import { api, escape, post, put } from "../shared/api";
import { submitting, value } from "../shared/forms";
import { t, type Word } from "../shared/i18n";

// Users and roles: create (a temporary password is shown once), change roles, reset a password, disable and enable.
interface User { userName: string; displayName: string | null; department: string | null; roles: string[]; disabled: boolean; mustChangePassword: boolean; lastSignIn: string | null }

const roles = ["Admin", "Supervisor", "Grader", "Agent", "DutyOfficer", "Liaison", "Handler", "QualityOfficer"];
const roleName = (role: string) => t(`role${role}` as Word);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const choices = (name: string, chosen: string[]) => roles.map((r) =>
  `<label class="check"><input type="checkbox" name="${name}" value="${r}"${chosen.includes(r) ? " checked" : ""}> ${escape(roleName(r))}</label>`).join("");

function showPassword(userName: string, password: string): void {
  $("password-result").hidden = false;
  $("password-result").innerHTML = `${escape(userName)} · ${t("temporaryPassword")} <code id="temporary-password">${escape(password)}</code>`;
}

async function load(): Promise<void> {
  const users = await api<User[]>("/users");
  $("users").innerHTML = users.length === 0 ? `<tr><td class="empty">${t("noUsers")}</td></tr>` :
    `<tr><th>${t("user")}</th><th>${t("displayName")}</th><th>${t("department")}</th><th>${t("roles")}</th><th>${t("lastSignIn")}</th><th>${t("actions")}</th></tr>` +
    users.map((u) => `
      <tr data-user="${escape(u.userName)}" class="${u.disabled ? "disabled" : ""}">
        <td><b>${escape(u.userName)}</b>${u.disabled ? ` <span class="badge bad">${t("disabled")}</span>` : ""}${u.mustChangePassword ? ` <span class="badge">${t("mustChange")}</span>` : ""}</td>
        <td>${escape(u.displayName)}</td><td>${escape(u.department)}</td>
        <td><form class="roles" data-roles>${choices("role", u.roles)}<button data-save-roles>${t("saveRoles")}</button><small class="error" data-form-error></small></form></td>
        <td>${u.lastSignIn ? new Date(u.lastSignIn).toLocaleString() : t("never")}</td>
        <td><button data-reset>${t("resetPassword")}</button>
          ${u.disabled ? `<button data-enable>${t("enable")}</button>` : `<button data-disable class="danger">${t("disable")}</button>`}</td>
      </tr>`).join("");
}

export async function setUpUsers(): Promise<() => Promise<void>> {
  const form = $<HTMLFormElement>("new-user");
  form.querySelector(".role-choices")!.innerHTML = choices("roles", []);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    let created: { user: User; temporaryPassword: string } | undefined;
    const chosen = [...form.querySelectorAll<HTMLInputElement>("input[name=roles]:checked")].map((c) => c.value);
    if (await submitting(form, async () => {
      created = await post("/users", { userName: value(form, "userName"), displayName: value(form, "displayName") || null, department: value(form, "department") || null, roles: chosen });
    })) {
      showPassword(created!.user.userName, created!.temporaryPassword);
      form.reset();
      await load();
    }
  });
  $("users").addEventListener("click", async (e) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>("[data-user]");
    if (!row || target.tagName !== "BUTTON") return;
    e.preventDefault();
    const user = encodeURIComponent(row.dataset.user!);
    if (target.matches("[data-save-roles]")) {
      const rolesForm = row.querySelector<HTMLFormElement>("[data-roles]")!;
      const chosen = [...rolesForm.querySelectorAll<HTMLInputElement>("input:checked")].map((c) => c.value);
      if (await submitting(rolesForm, () => put(`/users/${user}/roles`, { roles: chosen }))) await load();
    } else if (target.matches("[data-reset]")) {
      const done = await post<{ userName: string; temporaryPassword: string }>(`/users/${user}/reset-password`);
      showPassword(done.userName, done.temporaryPassword);
      await load();
    } else if (target.matches("[data-disable]")) {
      await post(`/users/${user}/disable`);
      $("password-result").hidden = false;
      $("password-result").textContent = `${row.dataset.user} · ${t("userDisabled")}`;
      await load();
    } else if (target.matches("[data-enable]")) {
      await post(`/users/${user}/enable`);
      await load();
    }
  });
  await load();
  return load;
}
