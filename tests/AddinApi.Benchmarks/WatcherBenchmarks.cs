using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Platform;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kontaktlofte.AddinApi.Benchmarks;

/// <summary>
/// The watcher tracking new mail across 500 mailboxes from delta pages (a feed in memory, as Graph would page them, 50 a
/// page), on SQLite: a whole first round — 20 new mails a mailbox (10,000), and 45 (22,500) — and a round when nothing
/// is new. The feed counts the Graph requests a round would cost, category writes as <c>$batch</c>es of 20 as GraphFeed
/// sends them. Goal: one delta request per mailbox and folder when nothing is new, and no request per message: a
/// mailbox's N label changes cost ⌈N / 20⌉ requests.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class WatcherBenchmarks
{
    public const int Mailboxes = 500;

    /// <summary>New mails a mailbox in the first round, so label changes a mailbox: one batch full, and two full and one of five.</summary>
    [Params(20, 45)]
    public int MailsPerMailbox { get; set; }

    private string _file = "";
    private WebApplication _app = null!;
    private MemoryFeed _feed = null!;

    [IterationSetup(Target = nameof(FirstRound))]
    public void FreshDatabase() => Start(seed: false);

    [IterationSetup(Target = nameof(NothingNew))]
    public void TrackedDatabase() => Start(seed: true);

    private void Start(bool seed)
    {
        _file = Path.Combine(Path.GetTempPath(), $"kontaktlofte-watch-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:Kontaktlofte"] = $"Data Source={_file}";
        builder.Configuration["Organisation:InternalDomains:0"] = "botkyrka.se";
        builder.Configuration["Watcher:Enabled"] = "false";
        for (var i = 0; i < Mailboxes; i++) builder.Configuration[$"Watcher:FunctionMailboxes:{i}"] = $"brevlada{i}@botkyrka.se";
        builder.AddPlatform();
        builder.AddOrganisation();
        builder.AddDatabase();
        builder.AddPromises();
        builder.AddWatching();
        _feed = new MemoryFeed(MailsPerMailbox);
        builder.Services.AddSingleton<IMailboxFeed>(_feed);
        builder.Services.TryAddScoped<IMailbox, NoMailbox>();
        _app = builder.Build();
        using (var scope = _app.Services.CreateScope())
            scope.ServiceProvider.GetRequiredService<KontaktlofteDb>().Database.Migrate();
        if (seed)
        {
            _app.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None).GetAwaiter().GetResult();
            _feed.Reset();
        }
    }

    [IterationCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// Graph requests this round: {_feed.Calls.Count} ({string.Join(", ", _feed.Calls.GroupBy(c => c).Select(g => $"{g.Key} {g.Count()}"))}); " +
                          $"PATCHes inside the batches: {_feed.Patches}");
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Benchmark(Description = "first round: MailsPerMailbox new mails in each of 500 mailboxes")]
    public Task FirstRound() => _app.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None);

    [Benchmark(Description = "a round when nothing is new (500 mailboxes)")]
    public Task NothingNew() => _app.Services.GetRequiredService<MailboxWatcher>().RoundAsync(CancellationToken.None);

    /// <summary>Delta pages from memory: citizen questions, 50 to a page.</summary>
    private sealed class MemoryFeed(int mailsPerMailbox) : IMailboxFeed
    {
        private int _patches;
        public ConcurrentQueue<string> Calls { get; } = new();
        public int Patches => _patches;

        public void Reset()
        {
            Calls.Clear();
            _patches = 0;
        }

        public Task<FeedPage> InboxAsync(string mailbox, string? link, CancellationToken cancel)
        {
            Calls.Enqueue("inbox delta");
            var from = link is null ? 0 : int.Parse(link, System.Globalization.CultureInfo.InvariantCulture);
            if (from >= mailsPerMailbox) return Task.FromResult(new FeedPage([], null, mailsPerMailbox.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var received = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));
            var upTo = Math.Min(from + 50, mailsPerMailbox);
            var mails = Enumerable.Range(from, upTo - from).Select(i => new FeedMessage(new MailboxMessage($"{mailbox}-{i}", null, $"conv-{mailbox}-{i}",
                new MailAddress("Anna Berg", $"anna{i}@example.se"), "Fråga om bygglov",
                "<p>Hej! Behöver jag bygglov för ett uterum på 15 kvadratmeter? Vänliga hälsningar, Anna</p>", null,
                received.AddMinutes(-i), new Dictionary<string, string>(), []), null)).ToList();
            var place = upTo.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(upTo < mailsPerMailbox ? new FeedPage(mails, place, null) : new FeedPage(mails, null, place));
        }

        public Task<SentPage> SentAsync(string mailbox, string? link, CancellationToken cancel)
        {
            Calls.Enqueue("sent delta");
            return Task.FromResult(new SentPage([], null, "done"));
        }

        public Task EnsureCategoriesAsync(string mailbox, IReadOnlyList<(string Name, string Color)> categories, CancellationToken cancel)
        {
            Calls.Enqueue("master categories");
            return Task.CompletedTask;
        }

        /// <summary>As GraphFeed: the SDK's batch collection splits at 20, one <c>$batch</c> request each; all written.</summary>
        public Task<IReadOnlyList<string>> SetCategoriesAsync(string mailbox, IReadOnlyList<CategoryWrite> changes, CancellationToken cancel)
        {
            foreach (var batch in changes.Chunk(Microsoft.Graph.CoreConstants.BatchRequest.MaxNumberOfRequests))
            {
                Calls.Enqueue("category $batch");
                Interlocked.Add(ref _patches, batch.Length);
            }
            return Task.FromResult<IReadOnlyList<string>>(changes.Select(c => c.MessageId).ToList());
        }
    }

    /// <summary>The watcher never reads single messages: a mailbox that would say so loudly.</summary>
    private sealed class NoMailbox : IMailbox
    {
        public Task<MailboxOwner> OpenAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancel) => throw new NotSupportedException();
        public Task<MailboxOwner> OpenForLaterAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancel) => throw new NotSupportedException();
        public Task<MailboxMessage?> GetMessageAsync(MailboxOwner owner, string id, CancellationToken cancel) => throw new NotSupportedException();
        public Task<string> CreateReplyDraftAsync(MailboxOwner owner, string messageId, ReplyDraft reply, CancellationToken cancel) => throw new NotSupportedException();
        public Task<Draft> CreateForwardDraftAsync(MailboxOwner owner, string messageId, MailAddress recipient, string commentHtml, CancellationToken cancel) =>
            throw new NotSupportedException();
        public Task<SendOutcome> SendDraftAsync(MailboxOwner owner, string draftId, CancellationToken cancel) => throw new NotSupportedException();
        public Task MarkAsync(MailboxOwner owner, MailboxMessage message, MessageMark mark, CancellationToken cancel) => throw new NotSupportedException();
        public Task<DateTimeOffset?> AnsweredAtAsync(MailboxOwner owner, MailboxMessage message, IReadOnlyCollection<string> ownReceipts, string? answeredTo,
            CancellationToken cancel) => throw new NotSupportedException();
    }
}
