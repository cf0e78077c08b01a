using System.Security.Cryptography;
using System.Text;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// Whom an automatic receipt may answer (RFC 3834 §2: "automatic responses SHOULD NOT be issued" to other automatic mail,
/// to mailing lists or to senders who cannot take a reply) — and how often: once per sender and mailbox in 24 hours, so
/// that two automats never talk to each other for long and a citizen who writes five times gets one receipt.
/// </summary>
public static class AutomaticReceiptRules
{
    public static readonly TimeSpan OncePer = TimeSpan.FromHours(24);

    private static readonly string[] NoReplyLocalParts =
        ["noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon", "postmaster", "bounce", "bounces"];

    /// <summary>True when the mail may be answered automatically; false for automatic mail, lists and no-reply senders.</summary>
    public static bool MayAnswer(string? address, IReadOnlyDictionary<string, string> headers)
    {
        var at = address?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (address is null || at <= 0) return false;
        var local = address[..at].Trim().ToLowerInvariant();
        if (NoReplyLocalParts.Any(n => local == n || local.StartsWith(n + "+", StringComparison.Ordinal) || local.StartsWith(n + ".", StringComparison.Ordinal)))
            return false;
        // RFC 3834 §5: Auto-Submitted other than "no" marks automatic mail (auto-replied, auto-generated, auto-notified).
        if (Header(headers, "Auto-Submitted") is { } submitted && !submitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)) return false;
        // RFC 2919 / 2369: a list names itself; Precedence (RFC 3834 §2) bulk, list and junk are never answered.
        if (Header(headers, "List-Id") is not null || Header(headers, "List-Unsubscribe") is not null) return false;
        if (Header(headers, "Precedence") is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "list" or "junk") return false;
        // Exchange's own auto-replies (out of office) and its suppression request.
        if (Header(headers, "X-Auto-Response-Suppress") is { } suppress
            && suppress.Split(',').Any(v => v.Trim() is "All" or "AutoReply" or "OOF")) return false;
        return true;
    }

    /// <summary>The sender as the once-a-day rule keeps it: a hash, never the address (design.md, Data).</summary>
    public static string SenderKey(string mailbox, string address) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mailbox.Trim().ToLowerInvariant() + "\n" + address.Trim().ToLowerInvariant())));

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
