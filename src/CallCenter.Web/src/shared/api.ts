import { problemText } from "./i18n";

/** What kind of error a field has ("required", "too-long", "range", …) and its numbers. */
export interface FieldCode { code: string; args?: Record<string, number> | null }

// Every request the pages make carries this header: the host refuses a cookie-borne change without it, which is
// what keeps another site from acting with the user's cookie.
export const pageHeader = { "X-CallCenter-Request": "page" };

/** A refused call: the status, the problem's text, the message per field (validation) and the problem's code. */
export class ApiError extends Error {
  constructor(
    readonly status: number, message: string, readonly errors: Record<string, string[]>, readonly code?: string,
    readonly fieldCodes: Record<string, FieldCode[]> = {},
  ) {
    super(message);
  }
}

// Calls to the platform's API with the sign-in cookie; a 401 sends the user to the sign-in page. A FormData body
// (an upload) goes as multipart; anything else as JSON.
export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    credentials: "same-origin",
    ...init,
    headers: init?.body instanceof FormData ? { ...pageHeader } : { "content-type": "application/json", ...pageHeader },
  });
  if (response.status === 401) {
    location.href = `/login.html?return=${encodeURIComponent(location.pathname)}`;
    throw new Error("signed out");
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problemText(problem.code ?? `status-${response.status}`, problem.args, problem.detail ?? problem.title ?? `${response.status}`), problem.errors ?? {}, problem.code, problem.codes ?? {});
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/**
 * Turns for a view that overlapping requests fill (a filter changed twice, a second row clicked before the first
 * answered): take a turn before asking and draw only while it is still the latest, so a slow older answer never
 * overwrites a newer one.
 */
export function turns(): () => () => boolean {
  let last = 0;
  return () => {
    const mine = ++last;
    return () => mine === last;
  };
}

export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: "POST", body: JSON.stringify(body ?? {}) });

export const put = <T>(path: string, body: unknown) => api<T>(path, { method: "PUT", body: JSON.stringify(body) });

export interface Me {
  userName: string;
  roles: string[];
  displayName: string | null;
  mustChangePassword: boolean;
}

let signedIn: Promise<Me> | undefined;

/** The signed-in user, asked once per page. */
export const me = () => (signedIn ??= api<Me>("/auth/me"));

export async function signOut(): Promise<void> {
  await post("/auth/logout");
  location.href = "/login.html";
}

export function elapsed(since: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = `${m}`.padStart(2, "0");
  const ss = `${s}`.padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function escape(text: string | null | undefined): string {
  return (text ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
