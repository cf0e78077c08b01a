namespace Kontaktlofte.AddinApi.Audit;

/// <summary>Every action the log records, in Swedish for the person who reads it.</summary>
public static class AuditActions
{
    public static readonly IReadOnlyDictionary<string, string> Swedish = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["acknowledgement.queued"] = "Mottagningsbevis köat",
        ["acknowledgement.new-date-queued"] = "Nytt besked (nytt svarsdatum) köat",
        ["acknowledgement.sent"] = "Mottagningsbevis eller nytt besked skickat till invånaren",
        ["acknowledgement.failed"] = "Mottagningsbevis eller nytt besked kunde inte skickas (utkorgen gav upp)",
        ["promise.answered-otherwise"] = "Besvarat utan mejl (uppringd eller på annat sätt)",
        ["automatic-receipt.queued"] = "Automatiskt mottagningsbevis köat",
        ["automatic-receipt.sent"] = "Automatiskt mottagningsbevis skickat",
        ["automatic-receipt.failed"] = "Automatiskt mottagningsbevis kunde inte skickas (utkorgen gav upp)",
        ["handover.created"] = "Mejl överlämnat till en kollega eller funktionsbrevlåda",
        ["handover.sent"] = "Överlämningen skickad",
        ["handover.failed"] = "Överlämningen kunde inte skickas (utkorgen gav upp)",
        ["registration.created"] = "Diarieföring påbörjad",
        ["registration.registered"] = "Diariefört",
        ["registration.handed-to-lex"] = "Lämnat till Lex för diarieföring",
        ["registration.refused"] = "Diariet tog inte emot handlingen",
        ["registration.retried"] = "Diarieföringen försökt igen",
        ["registration-request.created"] = "Begäran om diarieföring skickad till registrator",
        ["registration-request.decided"] = "Begäran om diarieföring avgjord: diarieförs inte",
        ["cover.set"] = "Ersättare utsedd",
        ["cover.removed"] = "Ersättare borttagen",
        ["autoreply.set"] = "Frånvaromeddelande satt",
    };

    /// <summary>The action in Swedish; one the product no longer records is named as it stands.</summary>
    public static string Describe(string action) => Swedish.GetValueOrDefault(action) ?? $"Händelse: {action}";
}
