// The sandbox build's stand-in for NAA: the sandbox signs in with X-Sandbox-User, so MSAL.js is never shipped there.
export async function accessToken(): Promise<string> {
  throw new Error("Sandlådan loggar inte in mot Entra ID.");
}
