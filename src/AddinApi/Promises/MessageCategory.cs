namespace Kontaktlofte.AddinApi.Promises;

/// <summary>What a message is, which decides the promise that applies to it.</summary>
public enum MessageCategory
{
    /// <summary>A question: answer within two working days.</summary>
    Question,
    /// <summary>Synpunkt or klagomål: respond within two working days.</summary>
    Opinion,
    /// <summary>Felanmälan: confirm within two working days.</summary>
    FaultReport,
    /// <summary>Begäran om allmän handling: the same day (TF 2 kap. 15–16 §§: "genast eller så snart det är möjligt").</summary>
    DocumentRequest,
    /// <summary>A message from Kontaktcenter or a voicemail asking to be called back: two working days (telefoniriktlinjen).</summary>
    Callback,
    /// <summary>From a colleague: no promise to a citizen.</summary>
    Internal,
    /// <summary>Automatic replies and newsletters: no promise.</summary>
    Automatic,
}
