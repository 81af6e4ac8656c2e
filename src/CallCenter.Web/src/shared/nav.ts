// The bar every signed-in page shares: the pages of the user's roles, their name, and a refusal in words on a page
// their role may not use.
import { escape, me, type Me } from "./api";
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
  }
  const page = pages.find((p) => p.href === location.pathname);
  if (page && !mayUse(user.roles, page)) {
    showForbidden(user);
  }
}

void mount();
