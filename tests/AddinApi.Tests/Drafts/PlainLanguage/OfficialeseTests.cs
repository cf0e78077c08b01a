using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Drafts.PlainLanguage;

namespace Kontaktlofte.AddinApi.Tests.Drafts.PlainLanguage;

[TestClass]
public sealed class OfficialeseTests
{
    private static readonly Officialese Rule = new();

    /// <summary>An example sentence, the words it must be found on, and what its suggestion must say.</summary>
    private sealed record Example(int Line, string Sentence, string Found, string Plain);

    private static string SamplePath(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Drafts", "PlainLanguage", "Samples", name);

    private static IEnumerable<(int Line, string Text)> DataLines(string name) =>
        File.ReadAllLines(SamplePath(name))
            .Select((text, index) => (Line: index + 1, Text: text.Trim()))
            .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#'));

    private static List<Example> Examples() => DataLines("officialese-examples.tsv")
        .Select(l => l.Text.Split('\t'))
        .Select((c, i) => new Example(i, c[0], c[1], c[2]))
        .ToList();

    private static List<(int Line, string Text)> Corpus() => DataLines("plain-municipal-swedish.txt").ToList();

    private static List<Finding> OfficialeseIn(string own) => Reviewing.ReviewReply(own).Of("plain.officialese");

    [TestMethod]
    public void The_list_has_at_least_80_entries() => Assert.IsGreaterThanOrEqualTo(80, new Officialese().Count);

    [TestMethod]
    public void The_precision_corpus_has_at_least_200_sentences() => Assert.IsGreaterThanOrEqualTo(200, Corpus().Count);

    [TestMethod]
    public void Ordinary_municipal_Swedish_has_no_officialese()
    {
        var falsePositives = (
            from line in Corpus()
            from finding in OfficialeseIn(line.Text)
            select $"line {line.Line}: \"{finding.Excerpt}\" in \"{line.Text}\"").ToList();

        Assert.IsEmpty(falsePositives, "False positives in plain-municipal-swedish.txt:\n" + string.Join("\n", falsePositives));
    }

    [TestMethod]
    public void Every_plain_phrase_of_the_list_is_used_in_the_corpus()
    {
        var used = Corpus().SelectMany(l => Rule.Matches(l.Text)).Select(m => m.Term).ToHashSet();

        var unused = Rule.PlainPhrases.Where(p => !used.Contains(p)).Select(p => p.Pattern).ToList();

        Assert.IsEmpty(unused, "Plain phrases with no sentence in the corpus:\n" + string.Join("\n", unused));
    }

    [TestMethod]
    public void Every_entry_of_the_list_has_an_example()
    {
        var covered = Examples().SelectMany(e => Rule.Matches(e.Sentence)).Select(m => m.Term).ToHashSet();

        var missing = Rule.Entries.Where(t => !covered.Contains(t)).Select(t => $"{t.Pattern} → {t.Note}").ToList();

        Assert.IsEmpty(missing, "Entries without an example in officialese-examples.tsv:\n" + string.Join("\n", missing));
    }

    [TestMethod]
    public void Every_example_gives_its_finding_with_the_right_suggestion()
    {
        var wrong = new List<string>();
        foreach (var example in Examples())
        {
            var findings = OfficialeseIn(example.Sentence);
            if (findings is not [var finding])
                wrong.Add($"\"{example.Sentence}\": {findings.Count} findings ({string.Join(", ", findings.Select(f => f.Excerpt))})");
            else if (finding.Excerpt != example.Found)
                wrong.Add($"\"{example.Sentence}\": found \"{finding.Excerpt}\", expected \"{example.Found}\"");
            else if (finding.Suggestion is null || !finding.Suggestion.Contains(example.Plain, StringComparison.Ordinal))
                wrong.Add($"\"{example.Sentence}\": suggestion \"{finding.Suggestion}\" lacks \"{example.Plain}\"");
        }

        Assert.IsEmpty(wrong, string.Join("\n", wrong));
    }

    [TestMethod]
    public void No_suggestion_is_itself_on_the_list()
    {
        var officialese = (
            from entry in Rule.Entries
            from match in Rule.Matches(entry.Note)
            where match.Term.Note != Officialese.Plain
            select $"{entry.Pattern} → \"{entry.Note}\" contains \"{entry.Note.Substring(match.Start, match.Length)}\"").ToList();

        Assert.IsEmpty(officialese, string.Join("\n", officialese));
    }

    [TestMethod]
    [DataRow("Din ansökan inkom i går.", "Skriv hellre: kom in.")]
    [DataRow("Ditt mejl har inkommit till oss.", "Skriv hellre: kommit in.")]
    [DataRow("Du behöver inkomma med ritningar.", "Skriv hellre: skicka in, lämna in.")]
    [DataRow("Vi har erhållit din ansökan.", "Skriv hellre: fått.")]
    [DataRow("Vi erhöll handlingarna i går.", "Skriv hellre: fick.")]
    [DataRow("Du erhåller beslutet i veckan.", "Skriv hellre: får.")]
    [DataRow("Skicka in ett intyg i förekommande fall.", "Skriv hellre: om det behövs, i så fall.")]
    [DataRow("Tack för er skrivelse.", "Skriv hellre: ditt brev, ditt mejl.")]
    [DataRow("Överklagandet inges till kommunen.", "Skriv hellre: lämnas in.")]
    [DataRow("Avgiften uppgår till 500 kronor.", "Skriv hellre: är, blir.")]
    [DataRow("Vänligen ring oss.", "Ställ en fråga i stället: \"Kan du skicka …?\" eller be om det: \"Skicka gärna …\".")]
    public void The_suggestion_is_for_the_form_found(string text, string suggestion) =>
        Assert.AreEqual(suggestion, OfficialeseIn(text).Single().Suggestion);

    [TestMethod]
    public void A_finding_is_a_warning_with_the_words_in_its_message()
    {
        var finding = OfficialeseIn("Vi har erhållit din ansökan.").Single();

        Assert.AreEqual(Severity.Warning, finding.Severity);
        Assert.AreEqual(DraftPart.Body, finding.Part);
        Assert.AreEqual("\"erhållit\" är krångligt myndighetsspråk.", finding.Message);
    }

    [TestMethod]
    public void A_preposition_is_found_without_the_word_that_shows_it_is_one()
    {
        const string text = "Jag har en fråga gällande din ansökan.";

        var finding = OfficialeseIn(text).Single();

        Assert.AreEqual("gällande", text.Substring(finding.Start, finding.Length));
        Assert.AreEqual("Skriv hellre: om.", finding.Suggestion);
    }

    [TestMethod]
    [DataRow("Det blir en tillställning på skolgården.", DisplayName = "tillställning is not tillställa")]
    [DataRow("Efterkommande klasser får samma schema.", DisplayName = "efterkommande is not efterkomma")]
    [DataRow("Bolagets verkställande direktör har skrivit under.", DisplayName = "verkställande direktör")]
    [DataRow("Verkställigheten har skjutits upp.", DisplayName = "verkställighet is not verkställa")]
    [DataRow("Vi tar ställning till din begäran i nästa vecka.", DisplayName = "ta ställning till: the guidelines' own words")]
    [DataRow("Bifoga gärna en bild på skadan.", DisplayName = "bifoga: the guidelines' own word")]
    [DataRow("Du behöver en ritning samt en karta.", DisplayName = "samt: too common to flag")]
    [DataRow("Ditt företag behöver inte bygglov.", DisplayName = "företag is not företa")]
    [DataRow("Din inkomst påverkar inte avgiften.", DisplayName = "inkomst is not inkomma")]
    [DataRow("Avsändaren syns i mejlet.", DisplayName = "avsändare is not avsända")]
    [DataRow("Mottagaren får ett kvitto.", DisplayName = "mottagare is not mottaga")]
    [DataRow("Jag har en företeelse att berätta om.", DisplayName = "företeelse is not förete")]
    [DataRow("Delgivning sker med rekommenderat brev.", DisplayName = "delgivning is the legal term")]
    [DataRow("Enligt den gällande detaljplanen får huset ha två våningar.", DisplayName = "gällande as an adjective")]
    [DataRow("Barn i behov av särskilt stöd får det i förskolan.", DisplayName = "i behov av särskilt stöd: the law's term")]
    [DataRow("Ansökan ska vara undertecknad av alla ägare.", DisplayName = "undertecknad: signed")]
    [DataRow("Det inger förtroende att svara snabbt.", DisplayName = "inger förtroende")]
    [DataRow("Frågan är gällande. Din ansökan är klar.", DisplayName = "a phrase does not run over a full stop")]
    public void Ordinary_words_that_look_alike_are_not_officialese(string text) =>
        Assert.IsEmpty(OfficialeseIn(text));

    [TestMethod]
    public void Officialese_in_the_quoted_history_is_not_the_officials()
    {
        var review = Reviewing.Review(Reviewing.Reply("Tack för ditt mejl.\n\n> Jag har erhållit ert beslut men ej förstått det."));

        Assert.IsEmpty(review.Of("plain.officialese"));
    }
}
