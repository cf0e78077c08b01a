using System.Text;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Promises.Classification;

namespace Kontaktlofte.AddinApi.Tests.Promises.Classification;

/// <summary>
/// A citizen's mail is tracked whatever its markup: HTML too complex to parse is classified from its text, since
/// the promise of an answer holds for a mail from a broken or hostile client too.
/// </summary>
[TestClass]
public sealed class HostileMailClassificationTests
{
    [TestMethod]
    public void Mail_nested_deeper_than_any_client_writes_is_classified_from_its_text()
    {
        var classifier = Classifying.Create();
        var html = new StringBuilder().Insert(0, "<div>", 100_000) +
                   "Gatlyktan utanför Storvretsvägen 12 har varit släckt i en vecka. Mitt personnummer är 811218-9876.";

        var classification = classifier.Classify(new IncomingMessage("Anna Berg", "anna.berg@example.se", "Trasig gatlykta", null, html, new Dictionary<string, string>()));

        Assert.AreEqual(MessageCategory.FaultReport, classification.Category);
        Assert.IsTrue(classification.Sensitive);
    }
}
