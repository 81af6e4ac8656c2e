// The bar every signed-in page shares: the pages of the user's roles, their name, and a refusal in words on a page
// their role may not use.
import { escape, me, post, type Me } from "./api";
import { submitting } from "./forms";
import { t } from "./i18n";
import { landing, mayUse, pages } from "./pages";

/** Replaces the page's content with a plain refusal and a way back to the user's own page. */
function showForbidden(user: Me): void {
  document.querySelectorAll<HTMLElement>("body > :not(nav)").forEach((el) => (el.hidden = true));
  const panel = document.createElement("section");
  panel.className = "forbidden card";
  panel.setAttribute("role", "alert");
  panel.innerHTML = `<h1>${t("forbidden")}</h1><p>${t("forbiddenHint")}</p>
    <a class="button go" id="back-home" href="${landing(user.roles)}">${t("backHome")}</a>`;
  document.body.append(panel);
}

/** Users change their own password; every session of theirs ends with it, so they sign in again. */
function passwordDialog(): HTMLDialogElement {
  const existing = document.getElementById("password-dialog") as HTMLDialogElement | null;
  if (existing) return existing;
  const dialog = document.createElement("dialog");
  dialog.id = "password-dialog";
  dialog.innerHTML = `<form class="setup" novalidate>
      <h2>${t("changePassword")}</h2>
      <label><span>${t("currentPassword")}</span><input type="password" name="currentPassword" autocomplete="current-password" maxlength="256"></label>
      <label><span>${t("newPassword")}</span><input type="password" name="newPassword" autocomplete="new-password" maxlength="256"></label>
      <label><span>${t("repeatPassword")}</span><input type="password" name="repeat" autocomplete="new-password" maxlength="256"></label>
      <p class="error" data-form-error role="alert"></p>
      <div><button class="go" type="submit">${t("save")}</button> <button type="button" data-close>${t("close")}</button></div>
    </form>`;
  const form = dialog.querySelector("form")!;
  const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
  dialog.querySelector("[data-close]")!.addEventListener("click", () => dialog.close());
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (field("newPassword") !== field("repeat")) {
      form.querySelector("[data-form-error]")!.textContent = t("passwordsDiffer");
      return;
    }
    if (await submitting(form, () => post("/auth/password", { currentPassword: field("currentPassword"), newPassword: field("newPassword") }))) {
      location.href = "/login.html";
    }
  });
  document.body.append(dialog);
  return dialog;
}

async function mount(): Promise<void> {
  const bar = document.querySelector<HTMLElement>("nav.bar");
  let user: Me;
  try {
    user = await me();
  } catch {
    return; // signed out: api() is already on its way to the sign-in page
  }
  if (bar) {
    const links = document.createElement("span");
    links.className = "pages";
    links.id = "pages";
    links.innerHTML = pages.filter((p) => mayUse(user.roles, p)).map((p) =>
      `<a class="link${location.pathname === p.href ? " current" : ""}" href="${p.href}">${escape(t(p.word))}</a>`).join("");
    const title = bar.querySelector<HTMLElement>("strong");
    title?.after(links);
    if (title && links.querySelector(".current")) title.hidden = true; // the highlighted link names the page
    const name = bar.querySelector("#user");
    if (name) name.textContent = user.displayName || user.userName;
    const change = document.createElement("button");
    change.id = "change-password";
    change.className = "link";
    change.textContent = t("changePassword");
    change.addEventListener("click", () => passwordDialog().showModal());
    bar.querySelector("#sign-out")?.before(change);
  }
  const page = pages.find((p) => p.href === location.pathname);
  if (page && !mayUse(user.roles, page)) {
    showForbidden(user);
  }
}

void mount();
