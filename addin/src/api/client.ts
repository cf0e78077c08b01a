// The one client for the API: base URL, the token (NAA in Outlook, X-Sandbox-User in the sandbox), one retry on a
// claims challenge, and Swedish error messages from the API's problem details.

export interface Problem { title?: string; detail?: string; status?: number; errors?: Record<string, string[]> }

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `Servern svarade ${status}.`);
  }
}

export interface AddinConfig { clientId: string; tenantId: string; apiScope: string; sandbox: boolean }
/** Where a token to the API's scope comes from: NAA in Outlook, MSAL's redirect sign-in on the coverage page. */
export type TokenSource = (config: AddinConfig, claims?: string) => Promise<string>;

let sandboxUser: string | null = null;
let config: Promise<AddinConfig> | null = null;
// MSAL.js is a chunk of its own, loaded only here
let tokenSource: TokenSource = async (settings, claims) => (await import("./naa")).accessToken(settings, claims);

export function useSandboxUser(user: string | null): void { sandboxUser = user; }
export function useTokenSource(source: TokenSource): void { tokenSource = source; }

/** The API's sign-in settings (public): the Entra app, the scope, and whether it runs the sandbox identity. */
export const loadConfig = () => (config ??= fetch("/addin/config.json").then((r) => r.json() as Promise<AddinConfig>));

async function authorization(claims?: string): Promise<Record<string, string>> {
  if (sandboxUser) return { "X-Sandbox-User": sandboxUser };
  return { Authorization: `Bearer ${await tokenSource(await loadConfig(), claims)}` };
}

/** Sends with the identity, once more on a claims challenge; a refusal becomes an `ApiError` with the API's problem. */
async function send(path: string, init: RequestInit & { json?: unknown }, timeoutMs: number): Promise<Response> {
  const attempt = async (claims?: string) => {
    const headers: Record<string, string> = { Accept: "application/json", ...(init.headers as Record<string, string>), ...(await authorization(claims)) };
    let body = init.body;
    if (init.json !== undefined) { headers["Content-Type"] = "application/json"; body = JSON.stringify(init.json); }
    return fetch(path, { ...init, headers, body, signal: AbortSignal.timeout(timeoutMs) });
  };
  let response = await attempt();
  const challenge = response.headers.get("WWW-Authenticate")?.match(/claims="([^"]+)"/)?.[1];
  if (response.status === 401 && challenge) response = await attempt(atob(challenge));
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function callApi<T>(path: string, init: RequestInit & { json?: unknown } = {}, timeoutMs = 30000): Promise<T> {
  const response = await send(path, init, timeoutMs);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/**
 * A file of the API (a CSV report), fetched with the identity: a plain link cannot carry the token or the sandbox's
 * X-Sandbox-User. The name is the one the API's Content-Disposition gives, else `fallbackName`.
 */
export async function downloadApi(path: string, fallbackName = "rapport.csv", timeoutMs = 30000): Promise<{ blob: Blob; name: string }> {
  const response = await send(path, { headers: { Accept: "*/*" } }, timeoutMs);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const encoded = disposition.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : disposition.match(/filename="?([^";]+)"?/i)?.[1] ?? fallbackName;
  return { blob: await response.blob(), name };
}

/** A message for people: the API's Swedish detail, or what went wrong on the way. */
export function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof DOMException && error.name === "TimeoutError") return "Servern svarade inte i tid. Försök igen.";
  return "Kontaktlöfte kunde inte nå servern. Kontrollera nätverket och försök igen.";
}

/** Each message for people in a refusal: the API's Swedish message per field (a 400's `errors`), else `describe`'s one. */
export function describeEach(error: unknown): string[] {
  const fields = error instanceof ApiError ? Object.values(error.problem.errors ?? {}).flat() : [];
  return fields.length > 0 ? [...new Set(fields)] : [describe(error)];
}
