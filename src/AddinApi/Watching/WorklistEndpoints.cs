using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Mail;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Promises;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>One open citizen mail in the worklist.</summary>
/// <param name="MessageId">The message's id, for <c>/api/messages/{id}/…</c>.</param>
/// <param name="Mailbox">Whose mailbox it is in: the official's own or a function mailbox they watch.</param>
/// <param name="From">The citizen; null for a message flagged sensitive (nothing of it is kept).</param>
/// <param name="Subject">The subject; null for a message flagged sensitive.</param>
/// <param name="ReceivedAt">When the municipality received it (FL 22 §).</param>
/// <param name="Category">What it is.</param>
/// <param name="DueDate">The last day of the promise.</param>
/// <param name="WorkingDaysLeft">Working days left to the promised date, else the due date; negative when overdue.</param>
/// <param name="State">open, acknowledged or overdue.</param>
/// <param name="ContactPerson">The contact person named in a receipt, if one was sent.</param>
/// <param name="WebLink">Where Outlook on the web opens it; null in the sandbox.</param>
/// <param name="HandedOverBy">The colleague who handed it over to this mailbox; null when it came straight in.</param>
public sealed record WorklistItem(string MessageId, string Mailbox, MailAddress? From, string? Subject, DateTimeOffset ReceivedAt,
    MessageCategory Category, DateOnly DueDate, int WorkingDaysLeft, PromiseState State, ContactPerson? ContactPerson, string? WebLink,
    MailAddress? HandedOverBy);

/// <summary>The worklist: open citizen mail, most urgent first.</summary>
public sealed record Worklist(IReadOnlyList<WorklistItem> Items);

public static class WorklistEndpoints
{
    public static IEndpointRouteBuilder MapWorklist(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/worklist", GetWorklist)
            .WithName("GetWorklist")
            .WithSummary("Öppen post från invånare i min brevlåda och i funktionsbrevlådorna jag bevakar, mest brådskande först")
            .WithTags("Bevakning")
            .RequireAuthorization(Policies.Official);
        return app;
    }

    /// <summary>
    /// One query: the official's own mailbox and those they watch, chosen inside it — the worklist is what the pane asks for
    /// most often (README, Load).
    /// </summary>
    private static async Task<Ok<Worklist>> GetWorklist(SignedInOfficial me, KontaktlofteDb db, DueDates dueDates, TimeProvider clock,
        CancellationToken cancel)
    {
        var email = me.Email;
        var watched = db.Set<WatchedMailbox>().Where(m => m.Watchers.Contains(email)).Select(m => m.Address);
        var open = await OpenMail.Listed(OpenMail.Of(db.Messages.AsNoTracking().Where(m => m.Mailbox == email || watched.Contains(m.Mailbox))))
            .ToListAsync(cancel);
        var today = clock.Today();
        var items = open.Select(m =>
        {
            var (deadline, state) = dueDates.Standing(m, today);
            return new WorklistItem(m.Id, m.Mailbox, m.CitizenAddress is null ? null : new MailAddress(m.CitizenName, m.CitizenAddress), m.Subject,
                m.ReceivedAt, m.Category, m.DueDate, deadline.WorkingDaysLeft, state, m.Contact, m.WebLink,
                m.HandedOverBy is { } by ? new MailAddress(m.HandedOverByName, by) : null);
        })
        // Overdue first (the longest overdue at the top), then due today, then by the day it is due.
        .OrderBy(i => i.WorkingDaysLeft).ThenBy(i => i.ReceivedAt).ToList();
        return TypedResults.Ok(new Worklist(items));
    }
}

public static class WatchingExtensions
{
    public static WebApplicationBuilder AddWatching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WatcherOptions>().Bind(builder.Configuration.GetSection(WatcherOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // Made when a round needs it: an adapter without a feed (Graph, until its delta feed is there) leaves the watcher idle.
        builder.Services.AddScoped(services => ActivatorUtilities.CreateInstance<MailboxWatch>(services));
        builder.Services.AddScoped<MailboxLeases>();
        builder.Services.AddScoped<Digests>();
        builder.Services.AddScoped<DigestSender>();
        builder.Services.AddScoped<IOutboxSender>(services => services.GetRequiredService<DigestSender>());
        builder.Services.AddScoped<AutomaticReceipts>();
        builder.Services.AddScoped<AutomaticReceiptSender>();
        builder.Services.AddScoped<IOutboxSender>(services => services.GetRequiredService<AutomaticReceiptSender>());
        builder.Services.AddScoped<HandoverSender>();
        builder.Services.AddScoped<IOutboxSender>(services => services.GetRequiredService<HandoverSender>());
        builder.Services.AddSingleton<MailboxWatcher>();
        builder.Services.AddSingleton<MailboxWatcher.Labelled>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MailboxWatcher>());
        return builder;
    }
}
