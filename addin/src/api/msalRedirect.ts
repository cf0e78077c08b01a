// Sign-in outside Office (the coverage page in a browser): MSAL.js's PublicClientApplication with redirect sign-in to the
// API's scope. NAA exists only inside Office, so the page cannot use naa.ts. Lazily loaded like it: the page's own
// bundle carries no MSAL. The redirect URI is the page itself (registered in Entra as an SPA redirect URI).
import { InteractionRequiredAuthError, PublicClientApplication, type AccountInfo } from "@azure/msal-browser";
import type { AddinConfig } from "./client";

let client: Promise<PublicClientApplication> | null = null;

/** The page's redirect URI: https://<host>/coverage, the same origin as the API. */
export const redirectUri = () => `${location.origin}/coverage`;

function msal(config: AddinConfig): Promise<PublicClientApplication> {
  return (client ??= (async () => {
    const pca = new PublicClientApplication({
      auth: { clientId: config.clientId, authority: `https://login.microsoftonline.com/${config.tenantId}`, redirectUri: redirectUri() },
      // The tab's own storage: a shared computer's next user does not inherit the head's session.
      cache: { cacheLocation: "sessionStorage" },
    });
    await pca.initialize();
    // Back from Entra: the answer to loginRedirect / acquireTokenRedirect is in the URL; read it before anything else.
    const answer = await pca.handleRedirectPromise();
    const account = answer?.account ?? pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
    if (account) pca.setActiveAccount(account);
    return pca;
  })());
}

/** The signed-in account; without one the browser is sent to Entra's sign-in (and null is returned as the page leaves). */
export async function signIn(config: AddinConfig): Promise<AccountInfo | null> {
  const pca = await msal(config);
  const account = pca.getActiveAccount();
  if (account) return account;
  await pca.loginRedirect({ scopes: [config.apiScope], redirectUri: redirectUri() });
  return null;
}

/** A token to the API's scope, from the cache or silently refreshed; when Entra wants the user (MFA, a claims challenge), a redirect. */
export async function accessToken(config: AddinConfig, claims?: string): Promise<string> {
  const pca = await msal(config);
  const request = { scopes: [config.apiScope], claims, account: pca.getActiveAccount() ?? undefined, redirectUri: redirectUri() };
  try {
    return (await pca.acquireTokenSilent(request)).accessToken;
  } catch (error) {
    if (!(error instanceof InteractionRequiredAuthError) && !claims) throw error;
    await pca.acquireTokenRedirect(request);
    return new Promise<string>(() => {}); // the page is leaving for Entra
  }
}
