import "../shared/style.css";
import { api, pageHeader, type Me } from "../shared/api";
import { t, toggleLanguage, translatePage } from "../shared/i18n";
import { landing } from "../shared/pages";

translatePage();
document.getElementById("language")!.addEventListener("click", toggleLanguage);
const form = document.getElementById("login") as HTMLFormElement;
const error = document.getElementById("error")!;
const change = document.getElementById("change") as HTMLFormElement;
let credentials = { userName: "", password: "" };

const signIn = (userName: string, password: string) => fetch("/api/v1/auth/login", {
  method: "POST",
  headers: { "content-type": "application/json", ...pageHeader },
  body: JSON.stringify({ userName, password }),
});

async function land(): Promise<void> {
  const back = new URLSearchParams(location.search).get("return");
  const user = await api<Me>("/auth/me"); // asked afresh: the answer changes once the password is changed
  if (user.mustChangePassword) {
    // An administrator set this password: the user chooses their own before anything else.
    form.hidden = true;
    change.hidden = false;
    return;
  }
  location.href = back && back.startsWith("/") && !back.startsWith("//") && back !== "/" ? back : landing(user.roles);
}

change.addEventListener("submit", async (e) => {
  e.preventDefault();
  const data = new FormData(change);
  const problem = document.getElementById("change-error")!;
  if (data.get("newPassword") !== data.get("repeat")) {
    problem.textContent = t("passwordsDiffer");
    return;
  }
  const response = await fetch("/api/v1/auth/password", {
    method: "POST",
    headers: { "content-type": "application/json", ...pageHeader },
    body: JSON.stringify({ currentPassword: credentials.password, newPassword: data.get("newPassword") }),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    problem.textContent = Object.values(body.errors ?? {}).flat().join(" ") || body.title || String(response.status);
    return;
  }
  // Changing the password ended every session: sign in again with the new one.
  credentials = { userName: credentials.userName, password: String(data.get("newPassword")) };
  if ((await signIn(credentials.userName, credentials.password)).ok) await land();
});

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const data = new FormData(form);
  credentials = { userName: String(data.get("userName")), password: String(data.get("password")) };
  const response = await signIn(credentials.userName, credentials.password);
  if (!response.ok) {
    error.textContent = t(response.status === 429 ? "tooManySignIns" : "badLogin");
    return;
  }
  await land();
});
