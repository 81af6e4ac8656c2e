import type { Word } from "./i18n";

// The pages, and the roles whose calls each page needs (the host's authorization policies decide; this only hides
// what would answer 403). Every page imports this module: its bar lists the pages of the user's roles.
export interface Page { href: string; word: Word; roles: string[] }

const supervisors = ["Supervisor", "Admin"];
export const pages: Page[] = [
  { href: "/admin.html", word: "administration", roles: ["Admin"] },
  { href: "/wallboard.html", word: "wallboard", roles: supervisors },
  { href: "/agent.html", word: "agent", roles: ["Agent", ...supervisors] },
  { href: "/duty.html", word: "duty", roles: ["DutyOfficer", ...supervisors] },
  { href: "/roster.html", word: "roster", roles: ["DutyOfficer", ...supervisors] },
  { href: "/grader.html", word: "workbench", roles: ["Grader", ...supervisors] },
  { href: "/workorders.html", word: "workOrders", roles: ["Agent", "DutyOfficer", "Liaison", "Handler", "Grader", "QualityOfficer", ...supervisors] },
  { href: "/knowledge.html", word: "knowledgeBase", roles: ["Grader", "Liaison", "DutyOfficer", "Handler", ...supervisors] },
  { href: "/report.html", word: "reports", roles: ["Grader", ...supervisors] },
  { href: "/reports.html", word: "callReports", roles: supervisors },
  { href: "/history.html", word: "callHistory", roles: ["Agent", "Grader", ...supervisors] },
];

/** Where a user lands after signing in: the page of their main role. */
export function landing(roles: string[]): string {
  const first = (["Admin", "Supervisor", "DutyOfficer", "Grader", "Agent"] as const).find((r) => roles.includes(r));
  switch (first) {
    case "Admin": return "/admin.html";
    case "Supervisor": return "/wallboard.html";
    case "DutyOfficer": return "/duty.html";
    case "Grader": return "/grader.html";
    case "Agent": return "/agent.html";
    default: return "/workorders.html"; // liaisons, department handlers and service-supervision officers work from the work-order inbox
  }
}

export const mayUse = (roles: string[], page: Page) => page.roles.some((r) => roles.includes(r));
