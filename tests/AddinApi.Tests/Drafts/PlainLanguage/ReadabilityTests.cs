using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Drafts.PlainLanguage;
using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Tests.Drafts.PlainLanguage;

[TestClass]
public sealed class ReadabilityTests
{
    [TestMethod]
    public void Lix_is_words_per_sentence_plus_the_share_of_words_longer_than_six_letters()
    {
        // 8 words, 2 sentences, long words: "kommunen" (8), "bygglovet" (9) → 8/2 + 100·2/8 = 29.0
        const string text = "Vi på kommunen har läst. Bygglovet är klart.";
        var words = Words.Tokenize(text);

        var metrics = Readability.Measure(text, words, Sentences.Split(text, words));

        Assert.AreEqual(new TextMetrics(29.0, 8, 2, 2), metrics);
    }

    [TestMethod]
    public void A_word_of_exactly_six_letters_is_not_long() =>
        Assert.AreEqual(0, Readability.Measure("Sexsex", Words.Tokenize("Sexsex"), Sentences.Split("Sexsex", Words.Tokenize("Sexsex"))).LongWords);

    [TestMethod]
    public void Hard_text_of_thirty_words_or_more_gets_a_lix_warning()
    {
        var hard = string.Join(' ', Enumerable.Repeat("Handläggningstiden förlängs beträffande bygglovsansökningar.", 8));

        var review = Reviewing.ReviewReply(hard);

        var lix = review.Of("plain.lix").Single();
        Assert.AreEqual(Severity.Warning, lix.Severity);
        Assert.IsGreaterThan(45, review.Metrics.Lix);
        StringAssert.Contains(lix.Message, "mycket svår");
    }

    [TestMethod]
    public void Short_hard_text_gets_no_lix_warning_below_thirty_words()
    {
        var review = Reviewing.ReviewReply("Handläggningstiden förlängs beträffande bygglovsansökningar.");

        Assert.IsGreaterThan(45, review.Metrics.Lix);
        Assert.IsEmpty(review.Of("plain.lix"));
    }

    [TestMethod]
    public void Plain_text_gets_no_lix_warning()
    {
        var review = Reviewing.ReviewReply(
            "Hej Anna! Tack för ditt mejl. Du behöver bygglov för ditt uterum. Du kan söka på vår webb. " +
            "Det tar ungefär fyra veckor. Ring mig om du har frågor. Jag finns på plats hela veckan.");

        Assert.IsLessThan(40, review.Metrics.Lix);
        Assert.IsEmpty(review.Of("plain.lix"));
    }

    [TestMethod]
    public void A_sentence_of_more_than_25_words_is_pointed_out_where_it_stands()
    {
        const string longSentence = "Vi har nu gått igenom din ansökan och de ritningar som du skickade in förra veckan och kan konstatera att det saknas en situationsplan och en fasadritning mot gatan.";
        var review = Reviewing.ReviewReply("Hej Anna!\n\n" + longSentence + " Skicka in dem.");

        var finding = review.Of("plain.long-sentence").Single();
        Assert.AreEqual("Hej Anna!\n\n".Length, finding.Start);
        Assert.AreEqual(longSentence.Length, finding.Length);
        StringAssert.Contains(finding.Message, "29 ord");
    }

    [TestMethod]
    public void A_sentence_of_25_words_is_not_long()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("ord", 25)) + ".";

        Assert.IsEmpty(Reviewing.ReviewReply(sentence).Of("plain.long-sentence"));
    }

    [TestMethod]
    public void A_plain_text_line_wrapped_mid_sentence_is_still_one_sentence()
    {
        const string wrapped = "Vi har tagit emot din ansökan och\nbehandlar den så snart vi kan.";
        var words = Words.Tokenize(wrapped);

        Assert.HasCount(1, Sentences.Split(wrapped, words));
    }

    [TestMethod]
    public void Own_text_of_more_than_300_words_is_too_long()
    {
        var text = string.Join(' ', Enumerable.Repeat("Vi svarar dig snart.", 80)); // 320 words

        var review = Reviewing.ReviewReply(text);

        Assert.HasCount(1, review.Of("plain.too-long"));
        Assert.AreEqual(320, review.Metrics.Words);
    }

    [TestMethod]
    public void A_long_signature_and_history_do_not_make_a_short_reply_too_long()
    {
        var history = string.Join('\n', Enumerable.Repeat("> Detta är en lång tidigare tråd med många ord i.", 100));

        var review = Reviewing.Review(Reviewing.Reply("Tack, vi hör av oss.\n\n" + history));

        Assert.IsEmpty(review.Of("plain.too-long"));
        Assert.AreEqual(5, review.Metrics.Words);
    }

    [TestMethod]
    [DataRow(25.0, "mycket lättläst")]
    [DataRow(35.0, "lättläst")]
    [DataRow(45.0, "medelsvår, som en dagstidning")]
    [DataRow(55.0, "svår, som en myndighetstext")]
    [DataRow(65.0, "mycket svår, byråkratisk")]
    public void Lix_bands_are_named_in_words(double lix, string band) => Assert.AreEqual(band, Readability.Band(lix));
}
