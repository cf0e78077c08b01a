namespace Kontaktlofte.AddinApi.Registry.Lex;

/// <summary>Lex's automatic registration by mail (<c>Registry:LexMail</c>): where the forward goes and how its block is written.</summary>
public sealed class LexMailOptions
{
    /// <summary>The mailbox Lex's automatic registration reads; an address inside the municipality (Organisation:InternalDomains).</summary>
    public string? Address { get; set; }

    /// <summary>The display name the forward is addressed to.</summary>
    public string Name { get; set; } = "Lex automatisk registrering";

    /// <summary>The line that opens the block Lex's import reads.</summary>
    public string StartMarker { get; set; } = "### LEX-REGISTRERING START ###";

    /// <summary>The line that closes it.</summary>
    public string EndMarker { get; set; } = "### LEX-REGISTRERING SLUT ###";

    /// <summary>
    /// The block's label per field (<see cref="LexMailField"/>): Swedish defaults; configuration replaces one label and keeps
    /// the others (the binder fills this dictionary, it does not replace it).
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = new(LexMailField.Defaults, StringComparer.OrdinalIgnoreCase);

    public string Label(string field) => Fields.TryGetValue(field, out var label) && !string.IsNullOrWhiteSpace(label) ? label.Trim() : LexMailField.Defaults[field];

    /// <summary>Why the settings cannot work, in Swedish, naming the key; null when they can.</summary>
    public string? Problem(Func<string, bool> isInternal)
    {
        const string key = "Registry:LexMail:Address";
        if (string.IsNullOrWhiteSpace(Address))
            return $"{key} saknas: ange Lex brevlåda för automatisk registrering, till exempel lex.registrering@botkyrka.se.";
        if (!System.Net.Mail.MailAddress.TryCreate(Address.Trim(), out var parsed) || parsed.Address != Address.Trim())
            return $"{key}: \"{Address}\" är ingen e-postadress.";
        if (!isInternal(Address.Trim()))
            return $"{key}: {Address} ligger utanför kommunen (Organisation:InternalDomains); allmänna handlingar skickas bara till Lex egen brevlåda.";
        if (Fields.Keys.FirstOrDefault(k => !LexMailField.Defaults.ContainsKey(k)) is { } unknown)
            return $"Registry:LexMail:Fields:{unknown} är inget fält; fälten är {string.Join(", ", LexMailField.Defaults.Keys)}.";
        if (Fields.FirstOrDefault(f => f.Value.Contains(':', StringComparison.Ordinal) || f.Value.Any(char.IsControl)) is { Key: not null } bad)
            return $"Registry:LexMail:Fields:{bad.Key}: etiketten får inte innehålla kolon eller radbrytning.";
        if (LexMailField.Defaults.Keys.Select(Label).GroupBy(l => l, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"Registry:LexMail:Fields: etiketten \"{twice.Key}\" används för två fält.";
        if (string.IsNullOrWhiteSpace(StartMarker) || string.IsNullOrWhiteSpace(EndMarker) || StartMarker.Trim() == EndMarker.Trim())
            return "Registry:LexMail:StartMarker och Registry:LexMail:EndMarker ska vara två olika rader.";
        return null;
    }
}

/// <summary>The fields of the Lex-by-mail block, in the order they are written, with their Swedish labels.</summary>
public static class LexMailField
{
    public const string Series = nameof(Series);
    public const string Case = nameof(Case);
    public const string CaseTitle = nameof(CaseTitle);
    public const string CaseTitleKeptApart = nameof(CaseTitleKeptApart);
    public const string Direction = nameof(Direction);
    public const string DocumentType = nameof(DocumentType);
    public const string Title = nameof(Title);
    public const string TitleKeptApart = nameof(TitleKeptApart);
    public const string ClassificationCode = nameof(ClassificationCode);
    public const string Officer = nameof(Officer);
    public const string Secrecy = nameof(Secrecy);
    public const string SecrecyGround = nameof(SecrecyGround);
    public const string Party = nameof(Party);
    public const string PartyKeptApart = nameof(PartyKeptApart);
    public const string Date = nameof(Date);
    public const string Attachments = nameof(Attachments);
    public const string AttachmentsKeptApart = nameof(AttachmentsKeptApart);
    public const string RegisteredBy = nameof(RegisteredBy);
    public const string Reference = nameof(Reference);

    /// <summary>
    /// Kept-apart parts carry "(sekretess)" in their label: Lex is the registry and takes them, but must keep them out of
    /// the public entry (OSL 5 kap. 2 §).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        [Series] = "Diarieserie",
        [Case] = "Diarienummer",
        [CaseTitle] = "Ärendemening",
        [CaseTitleKeptApart] = "Ärendemening (sekretess)",
        [Direction] = "Riktning",
        [DocumentType] = "Handlingstyp",
        [Title] = "Handlingsmening",
        [TitleKeptApart] = "Handlingsmening (sekretess)",
        [ClassificationCode] = "Klassificering",
        [Officer] = "Handläggare",
        [Secrecy] = "Sekretess",
        [SecrecyGround] = "Sekretessgrund",
        [Party] = "Avsändare/mottagare",
        [PartyKeptApart] = "Avsändare/mottagare (sekretess)",
        [Date] = "Datum",
        [Attachments] = "Bilagor",
        [AttachmentsKeptApart] = "Bilagor (sekretess)",
        [RegisteredBy] = "Registrerad av",
        [Reference] = "Kontaktlöfte-referens",
    };
}
