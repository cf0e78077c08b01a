// Nested App Authentication: a token to the API's scope through Outlook's own sign-in (MSAL.js, lazily loaded).
import { createNestablePublicClientApplication, type IPublicClientApplication } from "@azure/msal-browser";

let client: Promise<IPublicClientApplication> | null = null;

export async function accessToken(config: { clientId: string; tenantId: string; apiScope: string }, claims?: string): Promise<string> {
  client ??= createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: `https://login.microsoftonline.com/${config.tenantId}` },
  });
  const pca = await client;
  const request = { scopes: [config.apiScope], claims };
  try {
    return (await pca.acquireTokenSilent(request)).accessToken;
  } catch {
    return (await pca.acquireTokenPopup(request)).accessToken;
  }
}
