import "../shared/style.css";
import "../shared/nav";
import { signOut } from "../shared/api";
import { toggleLanguage, translatePage } from "../shared/i18n";
import { setUpCalendar } from "../Calendar/calendarSetup";
import { setUpForms } from "../Grading/formSetup";
import { setUpQueues } from "../Routing/queueSetup";
import { setUpSeats } from "../Seats/seatSetup";
import { setUpDepartments } from "../WorkOrders/departmentSetup";
import { setUpAlertRules } from "../Monitoring/alertRulesSetup";
import { setUpUsers } from "./users";

// The administration console: one tab per thing an administrator sets up. admin.html#seats opens that tab.
translatePage();
document.getElementById("language")!.addEventListener("click", toggleLanguage);
document.getElementById("sign-out")!.addEventListener("click", signOut);

// A tab is set up when first opened; opening it again reloads its lists (another tab may have changed them).
const tabs: Record<string, () => Promise<() => Promise<void>>> = {
  users: setUpUsers, seats: setUpSeats, queues: setUpQueues, departments: setUpDepartments, calendar: setUpCalendar, scorecards: setUpForms, alerts: setUpAlertRules,
};
const opened = new Map<string, Promise<() => Promise<void>>>();

function show(tab: string): void {
  const name = tab in tabs ? tab : "users";
  document.querySelectorAll<HTMLElement>("[data-panel]").forEach((p) => (p.hidden = p.dataset.panel !== name));
  document.querySelectorAll<HTMLElement>("[data-tab]").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === name)));
  const reload = opened.get(name);
  if (reload) {
    void reload.then((load) => load());
  } else {
    opened.set(name, tabs[name]());
  }
}

document.querySelector(".tabs")!.addEventListener("click", (e) => {
  const tab = (e.target as HTMLElement).closest<HTMLElement>("[data-tab]")?.dataset.tab;
  if (tab) location.hash = tab;
});
window.addEventListener("hashchange", () => show(location.hash.slice(1)));
show(location.hash.slice(1));
