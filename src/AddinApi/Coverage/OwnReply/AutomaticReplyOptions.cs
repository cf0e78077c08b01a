namespace Kontaktlofte.AddinApi.Coverage.OwnReply;

/// <summary>
/// The municipality's template for an official's automatic reply (section <c>AutomaticReply</c>). HTML with placeholders,
/// each filled in HTML-encoded: <c>{returnDate}</c> (the day back, in Swedish words: "måndag 7 december 2026"),
/// <c>{cover}</c> (name, phone and e-mail of the colleague, as far as the directory knows them), <c>{coverName}</c>,
/// <c>{coverPhone}</c>, <c>{coverEmail}</c>, <c>{contactCentrePhone}</c>, <c>{contactCentreEmail}</c>, <c>{name}</c> (the
/// official), <c>{organisation}</c>. One text for colleagues and citizens alike.
/// </summary>
public sealed class AutomaticReplyOptions
{
    public const string Section = "AutomaticReply";

    // Klarspråk: who, until when, where to turn instead — the e-mail guideline's three things — in short sentences.
    public string WithCover { get; set; } =
        "<p>Hej!</p>" +
        "<p>Jag är inte på jobbet och läser inte min e-post. Jag är tillbaka {returnDate}.</p>" +
        "<p>Behöver du hjälp innan dess? Kontakta min kollega {cover}.</p>" +
        "<p>Du kan också ringa Kontaktcenter på {contactCentrePhone} eller mejla {contactCentreEmail}.</p>" +
        "<p>Vänliga hälsningar<br>{name}<br>{organisation}</p>";

    /// <summary>Without a colleague named, the reply sends the citizen to Kontaktcenter.</summary>
    public string WithoutCover { get; set; } =
        "<p>Hej!</p>" +
        "<p>Jag är inte på jobbet och läser inte min e-post. Jag är tillbaka {returnDate}.</p>" +
        "<p>Behöver du hjälp innan dess? Ring Kontaktcenter på {contactCentrePhone} eller mejla {contactCentreEmail}.</p>" +
        "<p>Vänliga hälsningar<br>{name}<br>{organisation}</p>";

    /// <summary>How far ahead the return date may be, in days from today.</summary>
    public int MaxDaysAhead { get; set; } = 365;
}
