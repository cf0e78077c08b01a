using Kontaktlofte.AddinApi.Text;

namespace Kontaktlofte.AddinApi.Tests.Text;

[TestClass]
public sealed class LanguagesTests
{
    private static readonly Languages Detector = new();

    [TestMethod]
    [DataRow("Hej, tack för ditt mejl.", "sv", true)]
    [DataRow("Hei, kiitos viestistäsi. Saat vastauksen pian.", "fi", true)]
    [DataRow("Hello, thank you for your mail.", "en", true)]
    [DataRow("Tack!", "sv", false)]
    [DataRow("", "sv", false)]
    [DataRow("Kiitos!", "sv", false)]
    [DataRow("Kiitos, hei!", "fi", true)]
    [DataRow("Hej och hei, kiitos!", "sv", true)]
    [DataRow("Hej, hei, kiitos!", "fi", true)]
    [DataRow("Hei, kiitos, hej och!", "sv", true, DisplayName = "a tie goes to Swedish")]
    public void A_text_is_counted_and_said_to_be_sure_from_two_common_words(string text, string language, bool sure) =>
        Assert.AreEqual((language, sure), Detector.Counted(text));

    [TestMethod]
    [DataRow("Voisitteko vastata suomeksi?", "fi")]
    [DataRow("Vastatkaa minulle suomeksi.", "fi")]
    [DataRow("Kan ni svara mig på finska?", "fi")]
    [DataRow("Please answer in English.", "en")]
    [DataRow("Could you reply in English?", "en")]
    [DataRow("Svara gärna på engelska.", "en")]
    [DataRow("Svara på svenska, tack.", "sv")]
    [DataRow("Vastatkaa ruotsiksi.", "sv")]
    [DataRow("Vi kan svara på finska, men skriv gärna.", "fi")]
    public void A_request_for_an_answer_in_a_language_is_read(string text, string language) =>
        Assert.AreEqual(language, Detector.Requested(text));

    [TestMethod]
    [DataRow("Jag kan inte skriva på finska.")]
    [DataRow("Hei, olen Matti.")]
    [DataRow("Svara. På finska skriver man så.")]
    [DataRow("")]
    public void A_text_that_asks_for_no_language_has_none(string text) => Assert.IsNull(Detector.Requested(text));

    [TestMethod]
    public void The_first_request_in_the_text_wins() =>
        Assert.AreEqual("en", Detector.Requested("Please answer in English. Eller svara på finska."));

    [TestMethod]
    [DataRow("sv", "svenska")]
    [DataRow("fi", "finska")]
    [DataRow("en", "engelska")]
    public void Languages_are_named_in_Swedish(string language, string name) => Assert.AreEqual(name, Languages.Name(language));
}
