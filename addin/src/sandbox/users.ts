// The sandbox's users who can sign in (Sandbox/SandboxUsers.cs), for the "Inloggad som" choosers of the sandbox pages.
export const sandboxUsers = ["handlaggare@sandbox.botkyrka.se", "registrator@sandbox.botkyrka.se", "enhetschef@sandbox.botkyrka.se"];
