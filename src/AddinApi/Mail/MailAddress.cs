namespace Kontaktlofte.AddinApi.Mail;

/// <summary>A mail address with its display name.</summary>
/// <param name="Name">Display name, e.g. "Anna Berg".</param>
/// <param name="Address">The address, e.g. "anna.berg@example.se".</param>
public sealed record MailAddress(string? Name, string? Address);
