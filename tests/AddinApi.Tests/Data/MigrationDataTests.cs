using Kontaktlofte.AddinApi.Acknowledgements;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kontaktlofte.AddinApi.Tests.Data;

/// <summary>A database from before the one outbox keeps its receipts: deliveries move to the outbox, promises onto the messages.</summary>
[TestClass]
public sealed class MigrationDataTests
{
    [TestMethod]
    public async Task Receipts_recorded_before_the_outbox_migration_keep_their_state_and_promise()
    {
        var path = KontaktlofteFactory.NewDatabasePath();
        try
        {
            var options = new DbContextOptionsBuilder<KontaktlofteDb>().UseSqlite($"Data Source={path};Pooling=False").Options;
            await using (var old = new KontaktlofteDb(options))
            {
                await old.GetService<IMigrator>().MigrateAsync("20261128182124_PromisesAndAcknowledgements");
                await old.Database.ExecuteSqlRawAsync("""
                    INSERT INTO Messages (Id, Mailbox, ReceivedAt, Category, CategoryChosenByOfficial, Language, Sensitive, DueDate)
                    VALUES ('m-sent', 'hanna@botkyrka.se', 1796000000000, 'Question', 0, 'sv', 0, '2026-12-01'),
                           ('m-queued', 'hanna@botkyrka.se', 1796000000000, 'Question', 0, 'sv', 0, '2026-12-01');
                    INSERT INTO Acknowledgements (Id, MessageId, IdempotencyKey, RequestHash, Status, CreatedBy, SenderName, SenderTitle, SenderPhone,
                        Mailbox, ContactName, ContactTitle, ContactPhone, ContactEmail, PromisedDate, Language, DraftId, Attempts, CreatedAt,
                        NextAttemptAt, SentAt, LastError)
                    VALUES ('0b0e8f2a-0000-4000-8000-000000000001', 'm-sent', 'k1', 'h1', 'Sent', 'hanna@botkyrka.se', 'Hanna', '', '',
                            'hanna@botkyrka.se', 'Per Holm', 'Bygglovsarkitekt', '08-530 612 77', 'per.holm@botkyrka.se', '2026-12-08', 'sv',
                            'draft-1', 1, 1796000100000, 1796000100000, 1796000200000, NULL),
                           ('0b0e8f2a-0000-4000-8000-000000000002', 'm-queued', 'k2', 'h2', 'Queued', 'hanna@botkyrka.se', 'Hanna', '', '',
                            'hanna@botkyrka.se', 'Hanna', '', '', 'hanna@botkyrka.se', '2026-12-09', 'sv',
                            NULL, 3, 1796000100000, 1796000900000, NULL, 'Microsoft Graph svarade 503.');
                    """);
            }

            await using var db = new KontaktlofteDb(options);
            await db.Database.MigrateAsync();

            var outbox = await db.Set<OutboxItem>().OrderBy(i => i.Attempts).ToListAsync();
            Assert.HasCount(2, outbox);
            Assert.AreEqual(OutboxStatus.Sent, outbox[0].Status);
            Assert.AreEqual(OutboxStatus.Queued, outbox[1].Status);
            Assert.AreEqual(3, outbox[1].Attempts);
            Assert.AreEqual("Microsoft Graph svarade 503.", outbox[1].LastError);
            Assert.AreEqual("acknowledgement", outbox[1].Kind);

            var sent = await db.Messages.SingleAsync(m => m.Id == "m-sent");
            Assert.AreEqual(new DateOnly(2026, 12, 8), sent.PromisedDate);
            Assert.AreEqual("Per Holm", sent.ContactName);
            CollectionAssert.AreEqual(new[] { "draft-1" }, sent.ReceiptIds);
            var queued = await db.Messages.SingleAsync(m => m.Id == "m-queued");
            Assert.IsNull(queued.PromisedDate, "a receipt not yet sent promises nothing yet");
            Assert.IsEmpty(queued.ReceiptIds);
            Assert.IsTrue(await db.Acknowledgements.AllAsync(a => a.Sequence == 0));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
