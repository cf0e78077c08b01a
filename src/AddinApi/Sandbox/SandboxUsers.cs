using Kontaktlofte.AddinApi.Auth;
namespace Kontaktlofte.AddinApi.Sandbox;

/// <summary>A seeded sandbox user: stands in for an Entra ID account when no tenant is configured.</summary>
public sealed record SandboxUser(string Email, string Name, string Title, string Phone, string Unit, string[] Roles);

public static class SandboxUsers
{
    public const string Header = "X-Sandbox-User";

    /// <summary>The seeded users; the first is the one a request without the header is.</summary>
    public static readonly IReadOnlyList<SandboxUser> All =
    [
        new("handlaggare@sandbox.botkyrka.se", "Hanna Lindqvist", "Handläggare", "08-530 612 34",
            "Bygglovsenheten", [Roles.Handlaggare]),
        new("registrator@sandbox.botkyrka.se", "Rasmus Ekström", "Registrator", "08-530 612 50",
            "Kommunledningsförvaltningen", [Roles.Registrator, Roles.Handlaggare]),
        new("enhetschef@sandbox.botkyrka.se", "Elin Sandberg", "Enhetschef", "08-530 612 01",
            "Bygglovsenheten", [Roles.Enhetschef, Roles.Handlaggare]),
    ];

    /// <summary>Colleagues in the sandbox directory who cannot sign in but can be named contact person.</summary>
    public static readonly IReadOnlyList<SandboxUser> Colleagues =
    [
        new("per.holm@sandbox.botkyrka.se", "Per Holm", "Bygglovsarkitekt", "08-530 612 77", "Bygglovsenheten", []),
        new("sofia.ahmed@sandbox.botkyrka.se", "Sofia Ahmed", "Bygglovshandläggare", "08-530 612 78", "Bygglovsenheten", []),
        // The rest of Elin Sandberg's unit: absences good and bad for the unit head's coverage (SandboxDirectory).
        new("karin.nordstrom@sandbox.botkyrka.se", "Karin Nordström", "Bygglovshandläggare", "08-530 612 81", "Bygglovsenheten", []),
        new("tobias.wallin@sandbox.botkyrka.se", "Tobias Wallin", "Byggnadsinspektör", "08-530 612 82", "Bygglovsenheten", []),
        new("maja.eriksson@sandbox.botkyrka.se", "Maja Eriksson", "Byggnadsinspektör", "08-530 612 83", "Bygglovsenheten", []),
        new("lina.ohman@sandbox.botkyrka.se", "Lina Öhman", "Bygglovsadministratör", "08-530 612 84", "Bygglovsenheten", []),
        new("oskar.bergqvist@sandbox.botkyrka.se", "Oskar Bergqvist", "Bygglovsarkitekt", "08-530 612 85", "Bygglovsenheten", []),
        new("nora.sundberg@sandbox.botkyrka.se", "Nora Sundberg", "Kart- och mätningsingenjör", "08-530 612 86", "Bygglovsenheten", []),
        new("johan.virtanen@sandbox.botkyrka.se", "Johan Virtanen", "Gatuingenjör", "08-530 613 10", "Gatuenheten", []),
    ];

    /// <summary>People elsewhere in the organisation: the directory finds them though they have never used the product.</summary>
    public static readonly IReadOnlyList<SandboxUser> Organisation =
    [
        new("amina.yusuf@sandbox.botkyrka.se", "Amina Yusuf", "Kundtjänstmedarbetare", "08-530 610 21", "Kontaktcenter", []),
        new("mats.lindgren@sandbox.botkyrka.se", "Mats Lindgren", "Enhetschef", "08-530 613 01", "Gatuenheten", []),
        new("helena.koskinen@sandbox.botkyrka.se", "Helena Koskinen", "Socialsekreterare", "08-530 614 40", "Försörjningsstöd", []),
    ];

    /// <summary>The sandbox's function mailboxes (funktionsbrevlådor) and who watches each.</summary>
    public static readonly IReadOnlyList<(string Address, string Name, string[] Watchers)> FunctionMailboxes =
    [
        ("bygglov@sandbox.botkyrka.se", "Bygglov", ["handlaggare@sandbox.botkyrka.se", "enhetschef@sandbox.botkyrka.se"]),
        ("kontaktcenter@sandbox.botkyrka.se", "Kontaktcenter", ["registrator@sandbox.botkyrka.se"]),
        // Watched only by two who are both away this week: the unit head's coverage shows it unwatched.
        ("bygglov-tillsyn@sandbox.botkyrka.se", "Bygglov tillsyn", ["karin.nordstrom@sandbox.botkyrka.se", "tobias.wallin@sandbox.botkyrka.se"]),
    ];

    /// <summary>True for an address with a sandbox mailbox: a user who can sign in, or a function mailbox.</summary>
    public static bool IsMailbox(string address) =>
        Find(address) is not null || FunctionMailboxes.Any(f => f.Address.Equals(address.Trim(), StringComparison.OrdinalIgnoreCase));

    public static SandboxUser? Find(string email) =>
        All.FirstOrDefault(u => u.Email.Equals(email.Trim(), StringComparison.OrdinalIgnoreCase));
}
