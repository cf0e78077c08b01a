using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Watching;
using Microsoft.Extensions.DependencyInjection;

namespace Kontaktlofte.AddinApi.Tests.Coverage;

/// <summary>
/// Christmas week 2026 (ISO 2026-W52, Mon 21 – Sun 27 December: julafton Thu 24, juldagen Fri 25, annandag jul Sat 26) of
/// two units, inserted straight into the database, with "today" Monday 11 January 2027. Times are Stockholm's (+01:00).
/// Working days after Mon 21: Tue 22, Wed 23, Mon 28, Tue 29, Wed 30 (nyårsafton Thu 31, nyårsdagen Fri 1 are off).
/// </summary>
internal static class ReportSeededWeek
{
    public const string Unit = "Rapportenheten", Neighbour = "Grannenheten";
    public const string Anna = "anna.rapport@sandbox.botkyrka.se", Bo = "bo.rapport@sandbox.botkyrka.se";
    public const string Cecilia = "cecilia.granne@sandbox.botkyrka.se";
    public const string FunctionMailbox = "rapport@sandbox.botkyrka.se", NeighbourMailbox = "granne@sandbox.botkyrka.se";
    public static readonly DateTimeOffset Today = new(2027, 1, 11, 10, 0, 0, TimeSpan.FromHours(1));

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) =>
        new(month == 1 ? 2027 : 2026, month, day, hour, minute, 0, TimeSpan.FromHours(1));

    public static async Task InsertAsync(KontaktlofteFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KontaktlofteDb>();
        var dueDates = scope.ServiceProvider.GetRequiredService<DueDates>();
        var unit = new Unit { Name = Unit };
        var neighbour = new Unit { Name = Neighbour };
        db.Officials.AddRange(
            new Official { Email = Anna, Name = "Anna Rapport", Unit = unit },
            new Official { Email = Bo, Name = "Bo Rapport", Unit = unit },
            new Official { Email = Cecilia, Name = "Cecilia Granne", Unit = neighbour });
        // rapport@: two of three watchers in Rapportenheten. granne@: one each, a tie: the unit first by name, Grannenheten.
        db.Set<WatchedMailbox>().AddRange(
            new WatchedMailbox { Address = FunctionMailbox, Watchers = [Anna, Bo, Cecilia] },
            new WatchedMailbox { Address = NeighbourMailbox, Watchers = [Cecilia, Anna] });

        var n = 0;
        TrackedMessage Mail(string mailbox, MessageCategory category, DateTimeOffset received, DateTimeOffset? answered = null,
            DateTimeOffset? acknowledged = null, DateOnly? promised = null) => new()
        {
            Id = $"report-{++n}", Mailbox = mailbox, InternetMessageId = $"<report-{n}@example.se>", Language = "sv", Category = category,
            ReceivedAt = received, DueDate = dueDates.DueDate(Stockholm.DayOf(received), category), AnsweredAt = answered,
            AnsweredHow = answered is null ? null : AnswerKind.Mail, AcknowledgedAt = acknowledged, PromisedDate = promised,
            CitizenName = "Invånare Invånarsson", CitizenAddress = $"invanare{n}@example.se", Subject = "Ärende",
        };
        TrackedMessage HandedOver(TrackedMessage original, string to, string forwardId)
        {
            (original.HandedOverAt, original.HandedOverTo, original.HandoverInternetMessageId) = (original.ReceivedAt.AddHours(1), to, forwardId);
            return original;
        }
        TrackedMessage CopyOf(TrackedMessage original, string mailbox, DateTimeOffset? answered = null) => new()
        {
            Id = $"report-{++n}", Mailbox = mailbox, InternetMessageId = original.HandoverInternetMessageId, Language = "sv",
            Category = original.Category, ReceivedAt = original.ReceivedAt, DueDate = original.DueDate, AnsweredAt = answered,
            HandedOverBy = original.Mailbox,
        };

        var m11 = HandedOver(Mail(Anna, MessageCategory.Question, At(12, 22, 9)), Cecilia, "<forward-11@botkyrka.se>");
        var m12 = HandedOver(Mail(Bo, MessageCategory.Opinion, At(12, 22, 13)), Anna, "<forward-12@botkyrka.se>");
        db.Messages.AddRange(
            // Rapportenheten, 2026-W52                                                   within 1 | within 2 | days to answer | overdue now
            Mail(Anna, MessageCategory.Question, At(12, 21, 9), answered: At(12, 22, 14)),                 // M1  yes | yes | 1 | –
            Mail(Anna, MessageCategory.Opinion, At(12, 21, 10), acknowledged: At(12, 23, 8),
                answered: At(12, 29, 10), promised: new DateOnly(2026, 12, 30)),                            // M2  no (Wed 23 > Tue 22) | yes (receipt Wed 23) | 4 | –
            Mail(Bo, MessageCategory.FaultReport, At(12, 21, 11), answered: At(12, 28, 9)),               // M3  no | no (Mon 28 > Wed 23) | 3 | –
            Mail(FunctionMailbox, MessageCategory.Question, At(12, 23, 16), answered: At(12, 29, 9)),     // M4  no (Tue 29 > Mon 28) | yes | 2 | –
            Mail(FunctionMailbox, MessageCategory.DocumentRequest, At(12, 24, 10),
                acknowledged: At(12, 28, 9), promised: new DateOnly(2027, 1, 20)),                          // M5  yes (julafton: Mon 28 is day 1) | yes | – | no (promised 20 Jan)
            Mail(Bo, MessageCategory.Callback, At(12, 26, 12)),                                             // M6  no | no | – | yes (due Tue 29)
            Mail(Anna, MessageCategory.Question, At(12, 27, 23, 30), answered: At(12, 30, 9)),            // M7  no (Sunday 23:30: Mon 28, Tue 29) | no | 3 | –
            Mail(Anna, MessageCategory.Question, new DateTimeOffset(2026, 12, 20, 23, 30, 0, TimeSpan.Zero),
                answered: At(12, 21, 15)),                                                                  // M8  Sun 23:30 UTC = Mon 00:30 here: yes | yes | 0 | –
            Mail(Anna, MessageCategory.Internal, At(12, 22, 9)),                                            // M9  internal: not counted
            Mail(Anna, MessageCategory.Automatic, At(12, 22, 9)),                                           // M10 automatic: not counted
            m11, CopyOf(m11, Cecilia, answered: At(12, 23, 9)),                                             // M11 handed over to Grannenheten: counted there
            m12, CopyOf(m12, Anna),                                                                         // M12 handed over inside the unit: the copy, once | no | no | – | yes (due Mon 28)
            HandedOver(Mail(Bo, MessageCategory.Question, At(12, 22, 15)), "extern.enhet@botkyrka.se", "<forward-13@botkyrka.se>"), // M13 no copy tracked: counted here | no | no | – | no (handed over)
            Mail(Anna, MessageCategory.Question, At(12, 22, 10), acknowledged: At(12, 22, 11),
                promised: new DateOnly(2027, 1, 15)),                                                       // M16 yes | yes | – | no (promised 15 Jan)
            Mail(NeighbourMailbox, MessageCategory.Question, At(12, 21, 9)),                                // M14 Grannenheten (the tie)
            Mail(Cecilia, MessageCategory.Question, At(12, 21, 9)),                                         // M15 Grannenheten
            // Rapportenheten, the weeks around it
            Mail(Anna, MessageCategory.Question, At(12, 18, 10), answered: At(12, 18, 12)),               // M17 2026-W51: yes | yes | 0
            Mail(Anna, MessageCategory.Question, new DateTimeOffset(2026, 12, 27, 23, 30, 0, TimeSpan.Zero))); // M18 Mon 28 00:30 here: 2026-W53, overdue (due Wed 30)
        await db.SaveChangesAsync();
    }
}
