using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Registration;
using Kontaktlofte.AddinApi.Registry;

namespace Kontaktlofte.AddinApi.Tests.Registration;

/// <summary>
/// The register entry's rules, one by one and on both sides of each: what the form must hold, and how a secret record's
/// entry keeps the party and the revealing title apart (OSL 5 kap. 1–2 §§).
/// </summary>
[TestClass]
public sealed class RegistrationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Received = new(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(1));
    private static readonly RegistryOptions Options = new()
    {
        Series = [new RegistrySeries { Code = "KS", Name = "Kommunstyrelsen" }, new RegistrySeries { Code = "SBF", Name = "Samhällsbyggnad" }],
        SequenceDigits = 5,
    };
    private static readonly MailAddress Karin = new("Karin Lund", "karin.lund@example.se");
    private static readonly MailAddress Hanna = new("Hanna Lindqvist", "hanna@botkyrka.se");

    private static bool Internal(string address) => address.EndsWith("@botkyrka.se", StringComparison.Ordinal);

    private static RegistrationInput Form(string? direction = "incoming", string? caseNumber = null, string? series = "KS", string? caseTitle = "Bygglov",
        string? caseTitleKeptApart = null, string? documentType = "Ansökan", string? classificationCode = null, bool? secret = null,
        string? secrecyGround = null, string? officer = null, string? documentTitle = null, string? titleKeptApart = null) =>
        new(direction, caseNumber, series, caseTitle, caseTitleKeptApart, documentType, classificationCode, secret, secrecyGround, officer, documentTitle,
            titleKeptApart, null);

    private static (RegistrationProblem? Problem, RegistrationChoice? Choice) Check(RegistrationInput? form)
    {
        var problem = RegistrationRules.Check(form, Options, Internal, Today, out var choice);
        Said(problem);
        return (problem, choice);
    }

    /// <summary>Every refusal says what is wrong, in Swedish words the registrar can act on.</summary>
    private static RegistrationProblem? Said(RegistrationProblem? problem)
    {
        if (problem is not null) Assert.IsGreaterThan(20, problem.Message.Length, $"{problem.Field}: \"{problem.Message}\"");
        return problem;
    }

    private static string? FieldOf(RegistrationInput form) => Check(form).Problem?.Field;

    [TestMethod]
    public void A_complete_form_for_a_new_case_passes_trimmed()
    {
        var (problem, choice) = Check(Form(direction: " Incoming ", series: " SBF ", caseTitle: "  Bygglov Tumba 7:123 ", documentType: " Ansökan ",
            classificationCode: "2.3.1", officer: " Hanna@Botkyrka.se "));

        Assert.IsNull(problem);
        Assert.AreEqual(DocumentDirection.Incoming, choice!.Direction);
        Assert.IsNull(choice.Case);
        Assert.AreEqual("SBF", choice.Series);
        Assert.AreEqual("Bygglov Tumba 7:123", choice.CaseTitle);
        Assert.AreEqual("Ansökan", choice.DocumentType);
        Assert.AreEqual("2.3.1", choice.ClassificationCode);
        Assert.AreEqual("hanna@botkyrka.se", choice.Officer);
        Assert.IsNull(choice.SecrecyGround);
    }

    [TestMethod]
    [DataRow("incoming", DocumentDirection.Incoming)]
    [DataRow("outgoing", DocumentDirection.Outgoing)]
    [DataRow("internal", DocumentDirection.Internal)]
    public void Each_direction_is_read(string written, DocumentDirection direction) =>
        Assert.AreEqual(direction, Check(Form(direction: written)).Choice!.Direction);

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("inkommande")]
    [DataRow("in")]
    public void A_missing_or_unknown_direction_is_refused(string? written)
    {
        Assert.AreEqual("direction", FieldOf(Form(direction: written)));
        Assert.AreEqual("direction", Check(null).Problem!.Field, "no form at all");
    }

    [TestMethod]
    public void An_existing_case_is_parsed_and_needs_no_series_or_title()
    {
        var (problem, choice) = Check(Form(caseNumber: " KS/2026:17 ", series: null, caseTitle: null));

        Assert.IsNull(problem);
        Assert.AreEqual(new CaseNumber("KS", 2026, 17), choice!.Case);
        Assert.AreEqual("KS/2026:00017", choice.Case!.Value.Format(Options.SequenceDigits));
        Assert.IsNull(choice.CaseTitle, "an existing case's title is the registry's, not the form's");
        Assert.IsNull(choice.Series);
        Assert.IsNull(Check(Form(caseNumber: "KS/2026:17", caseTitle: "Ignoreras")).Choice!.CaseTitle, "a title sent with an existing case is not taken");
    }

    [TestMethod]
    public void A_case_number_badly_written_or_in_an_unknown_series_is_refused()
    {
        Assert.AreEqual("caseNumber", FieldOf(Form(caseNumber: "KS 2026-17")));
        var unknown = Check(Form(caseNumber: "UBF/2026:3")).Problem!;
        Assert.AreEqual("caseNumber", unknown.Field);
        StringAssert.Contains(unknown.Message, "KS, SBF", "names the series there are");
    }

    [TestMethod]
    public void A_new_case_needs_a_known_series_and_a_title()
    {
        Assert.AreEqual("series", FieldOf(Form(series: null)));
        Assert.AreEqual("series", FieldOf(Form(series: "  ")));
        Assert.AreEqual("series", FieldOf(Form(series: "XY")));
        Assert.AreEqual("caseTitle", FieldOf(Form(caseTitle: null)));
        Assert.AreEqual("caseTitle", FieldOf(Form(caseTitle: " ")));
    }

    [TestMethod]
    public void The_document_type_is_required_and_at_most_100_characters()
    {
        Assert.AreEqual("documentType", FieldOf(Form(documentType: null)));
        Assert.AreEqual("documentType", FieldOf(Form(documentType: new string('a', 101))));
        Assert.IsNull(FieldOf(Form(documentType: new string('a', 100))));
    }

    [TestMethod]
    [DataRow("2", true)]
    [DataRow("2.3.1", true)]
    [DataRow("10.100.1.1.1.1", true)]
    [DataRow("1.1.1.1.1.1.1", false)]
    [DataRow("2.3.", false)]
    [DataRow("1000", false)]
    [DataRow("två", false)]
    [DataRow("2,3", false)]
    public void A_classification_code_is_digits_and_dots(string code, bool accepted) =>
        Assert.AreEqual(accepted ? null : "classificationCode", FieldOf(Form(classificationCode: code)));

    [TestMethod]
    public void A_secret_record_needs_its_ground_in_OSL_and_a_public_one_has_none()
    {
        Assert.AreEqual("secrecyGround", FieldOf(Form(secret: true)));
        Assert.AreEqual("secrecyGround", FieldOf(Form(secret: true, secrecyGround: " ")));
        Assert.AreEqual("secrecyGround", FieldOf(Form(secret: true, secrecyGround: "sekretess")));
        Assert.AreEqual("secrecyGround", FieldOf(Form(secret: true, secrecyGround: "OSL 26:1")));
        Assert.AreEqual("secrecyGround", FieldOf(Form(secret: true, secrecyGround: "OSL 26 kap. 1 § " + new string('x', 85))), "a ground, not a text");
        Assert.IsNull(FieldOf(Form(secret: true, secrecyGround: "OSL 26 kap. 1 § " + new string('x', 60))), "a paragraph's wording after it");
        Assert.AreEqual("secrecyGround", FieldOf(Form(secret: false, secrecyGround: "OSL 26 kap. 1 §")));
        Assert.AreEqual("secrecyGround", FieldOf(Form(secrecyGround: "OSL 26 kap. 1 §")), "not secret unless said");

        Assert.AreEqual("OSL 26 kap. 1 §", Check(Form(secret: true, secrecyGround: " OSL 26 kap. 1 § ")).Choice!.SecrecyGround);
        Assert.IsNull(FieldOf(Form(secret: true, secrecyGround: "OSL 21 kap. 3 a §")));
        Assert.IsNull(FieldOf(Form(secret: true, secrecyGround: "OSL 25 kap. 1 § första stycket")));
        Assert.IsNull(Check(Form(secret: false)).Choice!.SecrecyGround);
    }

    [TestMethod]
    public void Parts_are_kept_apart_only_for_a_secret_record_and_never_for_an_existing_cases_title()
    {
        Assert.AreEqual("caseTitleKeptApart", FieldOf(Form(caseTitleKeptApart: "Elev i 4B")));
        Assert.AreEqual("titleKeptApart", FieldOf(Form(titleKeptApart: "Elev i 4B")));
        Assert.AreEqual("caseTitleKeptApart", FieldOf(Form(caseNumber: "KS/2026:1", secret: true, secrecyGround: "OSL 26 kap. 1 §", caseTitleKeptApart: "Elev")));
        var choice = Check(Form(secret: true, secrecyGround: "OSL 26 kap. 1 §", caseTitleKeptApart: " Elev i 4B ", titleKeptApart: " Hungrig elev ")).Choice!;
        Assert.AreEqual("Elev i 4B", choice.CaseTitleKeptApart);
        Assert.AreEqual("Hungrig elev", choice.TitleKeptApart);
    }

    [TestMethod]
    [DataRow("caseTitle")]
    [DataRow("documentTitle")]
    [DataRow("caseTitleKeptApart")]
    [DataRow("titleKeptApart")]
    public void No_title_holds_a_personal_identity_number_and_none_is_longer_than_500(string field)
    {
        RegistrationInput With(string text) => field switch
        {
            "caseTitle" => Form(caseTitle: text, secret: true, secrecyGround: "OSL 26 kap. 1 §"),
            "documentTitle" => Form(documentTitle: text, secret: true, secrecyGround: "OSL 26 kap. 1 §"),
            "caseTitleKeptApart" => Form(caseTitleKeptApart: text, secret: true, secrecyGround: "OSL 26 kap. 1 §"),
            _ => Form(titleKeptApart: text, secret: true, secrecyGround: "OSL 26 kap. 1 §"),
        };
        Assert.AreEqual(field, FieldOf(With("Anmälan om 19811218-9876")));
        Assert.AreEqual(field, FieldOf(With(new string('a', 501))));
        Assert.IsNull(FieldOf(With(new string('a', 500))));
        Assert.IsNull(FieldOf(With("Anmälan om elev")));
    }

    [TestMethod]
    [DataRow("hanna@botkyrka.se", true)]
    [DataRow("anna@example.se", false)]
    [DataRow("inte en adress", false)]
    [DataRow("Hanna <hanna@botkyrka.se>", false)]
    public void The_officer_is_a_municipal_address(string officer, bool accepted) =>
        Assert.AreEqual(accepted ? null : "officer", FieldOf(Form(officer: officer)));

    [TestMethod]
    public void An_officers_address_is_at_most_320_characters()
    {
        const string domain = "@botkyrka.se";
        var longest = new string('a', 320 - domain.Length) + domain;
        Assert.AreEqual(320, longest.Length);
        Assert.IsNull(FieldOf(Form(officer: longest)));
        Assert.AreEqual("officer", FieldOf(Form(officer: "b" + longest)));
    }

    [TestMethod]
    public void A_public_entry_takes_the_subject_and_the_sender_of_an_incoming_mail()
    {
        var choice = Check(Form()).Choice!;

        var problem = RegistrationRules.Entry(choice, " Bygglov för uterum ", Karin, [Hanna], Received, ["ritning.pdf"], Today, out var entry);

        Assert.IsNull(problem);
        Assert.AreEqual("Bygglov för uterum", entry!.Title);
        Assert.AreEqual(Karin, entry.Party);
        Assert.IsNull(entry.PartyKeptApart);
        Assert.IsNull(entry.TitleKeptApart);
        CollectionAssert.AreEqual(new[] { "ritning.pdf" }, entry.Attachments.ToArray());
        Assert.AreEqual(Received, entry.Date);
    }

    [TestMethod]
    public void An_outgoing_entry_names_the_recipient_and_the_registrars_title_wins()
    {
        var choice = Check(Form(direction: "outgoing", documentTitle: "Beslut om bygglov")).Choice!;

        RegistrationRules.Entry(choice, "SV: Bygglov för uterum", Hanna, [Karin], Received, [], Today, out var entry);

        Assert.AreEqual(Karin, entry!.Party);
        Assert.AreEqual("Beslut om bygglov", entry.Title);
        RegistrationRules.Entry(choice, "SV: x", Hanna, [], Received, [], Today, out var nobody);
        Assert.IsNull(nobody!.Party, "no recipient: no party");
    }

    [TestMethod]
    public void A_missing_subject_is_untitled_and_a_long_one_is_cut_to_500()
    {
        var choice = Check(Form()).Choice!;
        RegistrationRules.Entry(choice, "  ", Karin, [], Received, [], Today, out var untitled);
        RegistrationRules.Entry(choice, new string('b', 600), Karin, [], Received, [], Today, out var longOne);
        RegistrationRules.Entry(choice, new string('c', 500), Karin, [], Received, [], Today, out var exact);

        Assert.AreEqual(RegistrationRules.Untitled, untitled!.Title);
        Assert.AreEqual(500, longOne!.Title.Length);
        Assert.EndsWith("…", longOne.Title);
        Assert.AreEqual(new string('c', 500), exact!.Title);
    }

    [TestMethod]
    public void A_subject_with_a_personal_identity_number_needs_the_registrars_own_title()
    {
        var choice = Check(Form()).Choice!;
        Assert.AreEqual("documentTitle", Said(RegistrationRules.Entry(choice, "Ansökan 19811218-9876", Karin, [], Received, [], Today, out _))!.Field);
        Assert.IsNull(RegistrationRules.Entry(Check(Form(documentTitle: "Ansökan")).Choice!, "Ansökan 19811218-9876", Karin, [], Received, [], Today, out var own));
        Assert.AreEqual("Ansökan", own!.Title);
    }

    [TestMethod]
    public void A_secret_entry_keeps_the_subject_the_party_and_the_attachments_apart()
    {
        var choice = Check(Form(secret: true, secrecyGround: "OSL 26 kap. 1 §")).Choice!;

        RegistrationRules.Entry(choice, "Orosanmälan om elev i 4B", Karin, [Hanna], Received, ["bilaga.pdf"], Today, out var entry);

        Assert.AreEqual("Ansökan", entry!.Title, "the public title: the document type");
        Assert.AreEqual("Orosanmälan om elev i 4B", entry.TitleKeptApart);
        Assert.IsNull(entry.Party);
        Assert.AreEqual(Karin, entry.PartyKeptApart);
        CollectionAssert.AreEqual(new[] { "bilaga.pdf" }, entry.Attachments.ToArray(), "kept with the entry; shown only with the kept-apart parts");
    }

    [TestMethod]
    public void A_secret_entry_takes_the_registrars_public_title_and_kept_apart_part_and_refuses_a_personal_id_in_the_subject()
    {
        var choice = Check(Form(secret: true, secrecyGround: "OSL 26 kap. 1 §", documentTitle: "Anmälan", titleKeptApart: "Elev i 4B")).Choice!;
        RegistrationRules.Entry(choice, "Orosanmälan om elev i 4B", Karin, [], Received, [], Today, out var entry);
        Assert.AreEqual("Anmälan", entry!.Title);
        Assert.AreEqual("Elev i 4B", entry.TitleKeptApart);

        var bare = Check(Form(secret: true, secrecyGround: "OSL 26 kap. 1 §")).Choice!;
        Assert.AreEqual("titleKeptApart", Said(RegistrationRules.Entry(bare, "Anmälan 19811218-9876", Karin, [], Received, [], Today, out _))!.Field);
        RegistrationRules.Entry(bare, "", Karin, [], Received, [], Today, out var untitled);
        Assert.IsNull(untitled!.TitleKeptApart, "nothing to keep apart");
    }

    [TestMethod]
    public void Directions_have_their_Swedish_and_wire_names()
    {
        Assert.AreEqual("Inkommande", RegistrationRules.Swedish(DocumentDirection.Incoming));
        Assert.AreEqual("Utgående", RegistrationRules.Swedish(DocumentDirection.Outgoing));
        Assert.AreEqual("Upprättad", RegistrationRules.Swedish(DocumentDirection.Internal));
        Assert.AreEqual("internal", RegistrationRules.Name(DocumentDirection.Internal));
    }
}
