using Kontaktlofte.AddinApi.Outbox;

namespace Kontaktlofte.AddinApi.Tests.Outbox;

[TestClass]
public sealed class OutboxBackoffTests
{
    [TestMethod]
    [DataRow(1, 5)]
    [DataRow(2, 10)]
    [DataRow(3, 20)]
    [DataRow(7, 320)]
    [DataRow(8, 600)]
    [DataRow(40, 600)]
    public void Retries_back_off_exponentially_up_to_ten_minutes(int attempts, int seconds) =>
        Assert.AreEqual(TimeSpan.FromSeconds(seconds), OutboxQueue.Backoff(attempts, null));

    [TestMethod]
    public void A_longer_retry_after_from_graph_wins()
    {
        Assert.AreEqual(TimeSpan.FromSeconds(30), OutboxQueue.Backoff(1, TimeSpan.FromSeconds(30)));
        Assert.AreEqual(TimeSpan.FromSeconds(10), OutboxQueue.Backoff(2, TimeSpan.FromSeconds(1)));
    }
}
