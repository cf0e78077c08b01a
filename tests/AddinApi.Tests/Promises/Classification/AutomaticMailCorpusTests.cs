using System.Text.Json;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Promises.Classification;

namespace Kontaktlofte.AddinApi.Tests.Promises.Classification;

/// <summary>
/// A labelled set of mail (<c>Samples/automatic-and-citizen-mail.json</c>): bounces, absence notes, calendar mail,
/// no-reply notices and newsletters that must get neither receipt nor due date, and as many citizens' mails, some
/// written to look automatic, that must keep their promise. Every failure is listed with its subject.
/// </summary>
[TestClass]
public sealed class AutomaticMailCorpusTests
{
    private static readonly MessageClassifier Classifier = Classifying.Create();

    private sealed record Sender(string? Name, string? Address);
    private sealed record Sample(string Expect, string Why, Sender From, string? Subject, string? BodyText, string? BodyHtml,
        Dictionary<string, string>? Headers);
    private sealed record Corpus(List<Sample> Messages);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly List<Sample> Samples = JsonSerializer.Deserialize<Corpus>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Promises", "Classification", "Samples", "automatic-and-citizen-mail.json")),
        Json)!.Messages;

    private static MessageClassification Classify(Sample sample) =>
        Classifier.Classify(new IncomingMessage(sample.From.Name, sample.From.Address, sample.Subject, sample.BodyText, sample.BodyHtml,
            new Dictionary<string, string>(sample.Headers ?? [], StringComparer.OrdinalIgnoreCase)));

    private static string Failures(string expect, Func<MessageClassification, bool> right) =>
        string.Join("\n", Samples.Where(s => s.Expect == expect)
            .Select(s => (Sample: s, Result: Classify(s)))
            .Where(r => !right(r.Result))
            .Select(r => $"  \"{r.Sample.Subject}\" ({r.Sample.Why}) → {Categories.Name(r.Result.Category)}: {string.Join(" ", r.Result.Reasons)}"));

    [TestMethod]
    public void The_corpus_holds_at_least_sixty_of_each_kind()
    {
        Assert.IsGreaterThanOrEqualTo(60, Samples.Count(s => s.Expect == "automatic"));
        Assert.IsGreaterThanOrEqualTo(60, Samples.Count(s => s.Expect == "citizen"));
        Assert.IsTrue(Samples.All(s => s.Expect is "automatic" or "citizen"), "expect is automatic or citizen");
    }

    [TestMethod]
    public void Automatic_mail_gets_neither_receipt_nor_due_date()
    {
        var failures = Failures("automatic", r => r.Category == MessageCategory.Automatic && !DueDates.HasPromise(r.Category));

        Assert.AreEqual("", failures, "Automatiska mejl som fick ett kontaktlöfte:\n" + failures);
    }

    [TestMethod]
    public void Citizen_mail_keeps_its_promise_however_automatic_it_looks()
    {
        MessageCategory[] promised = [MessageCategory.Question, MessageCategory.Opinion, MessageCategory.FaultReport,
            MessageCategory.DocumentRequest, MessageCategory.Callback];
        var failures = Failures("citizen", r => promised.Contains(r.Category) && DueDates.HasPromise(r.Category));

        Assert.AreEqual("", failures, "Invånarmejl utan kontaktlöfte:\n" + failures);
    }
}
