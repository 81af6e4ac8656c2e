import "../shared/style.css";
import { me, pageHeader } from "../shared/api";
import { t, toggleLanguage, translatePage } from "../shared/i18n";

translatePage();
document.getElementById("language")!.addEventListener("click", toggleLanguage);
const form = document.getElementById("login") as HTMLFormElement;
const error = document.getElementById("error")!;

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const data = new FormData(form);
  const response = await fetch("/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", ...pageHeader },
    body: JSON.stringify({ userName: data.get("userName"), password: data.get("password") }),
  });
  if (!response.ok) {
    error.textContent = t(response.status === 429 ? "tooManySignIns" : "badLogin");
    return;
  }
  const back = new URLSearchParams(location.search).get("return");
  const user = await me();
  location.href = back && back.startsWith("/") ? back
    : user.roles.some((r) => r === "Supervisor" || r === "Admin") ? "/wallboard.html"
    : user.roles.includes("DutyOfficer") ? "/duty.html"
    : user.roles.includes("Grader") ? "/grader.html" : "/agent.html";
});
