using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Kontaktlofte.AddinApi.Registry.Embedded;

/// <summary>A case to open: its series, its public title and, for a secret case, the revealing part kept apart.</summary>
public sealed record NewCase(string Series, string Title, string? TitleKeptApart, string By);

/// <summary>A document to register in a case.</summary>
public sealed record NewDocument(string? InternetMessageId, DocumentDirection Direction, string DocumentType, string By);

/// <summary>
/// Gives the embedded registry's numbers: the next case number in a series and year, the next document number in a case.
/// A register must never show two records under one number nor leave a hole that looks like a removed record
/// (OSL 5 kap. 1–2 §§: every public record gets its entry; Botkyrka's numbers run 1, 2, 3 … per series and year).
/// <para>
/// How: the counter is raised by one statement in the same transaction that saves the case or document. The database
/// holds the raised row locked until that transaction ends, so concurrent registrations queue on the row and each reads
/// its own number; a failed save rolls the counter back with it, so no number is lost. This holds on SQLite (a writing
/// transaction locks the file: <c>BEGIN IMMEDIATE</c>) and on PostgreSQL (the row lock of an <c>UPDATE</c>, and
/// <c>INSERT … ON CONFLICT DO UPDATE</c> serialises even the first case of a year). Optimistic concurrency was the
/// alternative; it needs a retry loop and under 50 at once mostly retries, while the lock is held for milliseconds.
/// </para>
/// </summary>
internal sealed class CaseNumbers(KontaktlofteDb db, TimeProvider clock, IOptions<RegistryOptions> options)
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Opens a case under the next number of its series in this year (the year in Sweden: a case on New Year's night is the new year's).</summary>
    public async Task<RegistryCase> OpenCaseAsync(NewCase newCase, CancellationToken cancel)
    {
        if (options.Value.Find(newCase.Series) is null)
            throw new ArgumentException($"Diarieserien {newCase.Series} finns inte.", nameof(newCase));
        var now = clock.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, Stockholm).Year;

        await using var transaction = await OwnTransactionAsync(cancel);
        // One statement creates the year's sequence at 1 or raises it: SQLite ≥ 3.35 and PostgreSQL both know upsert with
        // RETURNING. The qualified "CaseSequences"."Last" is the stored row's (PostgreSQL would find a bare "Last" ambiguous).
        var sequence = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "CaseSequences" ("Series", "Year", "Last") VALUES ({newCase.Series}, {year}, 1)
            ON CONFLICT ("Series", "Year") DO UPDATE SET "Last" = "CaseSequences"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(cancel)).Single();
        var @case = new RegistryCase
        {
            Id = Guid.CreateVersion7(now), Series = newCase.Series, Year = year, Sequence = sequence,
            Title = newCase.Title, TitleKeptApart = newCase.TitleKeptApart, CreatedAt = now, CreatedBy = newCase.By,
        };
        db.RegistryCases.Add(@case);
        await db.SaveChangesAsync(cancel);
        if (transaction is not null) await transaction.CommitAsync(cancel);
        return @case;
    }

    /// <summary>
    /// Registers a document under the case's next number; a message already registered (by its internetMessageId) is
    /// not registered again: its document is returned, the same numbers as the first time.
    /// </summary>
    public async Task<RegisteredDocument> RegisterDocumentAsync(Guid caseId, NewDocument newDocument, CancellationToken cancel)
    {
        if (await RegisteredAsync(newDocument.InternetMessageId, cancel) is { } earlier) return earlier;
        var now = clock.GetUtcNow();
        var transaction = await OwnTransactionAsync(cancel);
        var document = new RegisteredDocument
        {
            Id = Guid.CreateVersion7(now), CaseId = caseId, InternetMessageId = newDocument.InternetMessageId,
            Direction = newDocument.Direction, DocumentType = newDocument.DocumentType, RegisteredAt = now, RegisteredBy = newDocument.By,
        };
        try
        {
            // The update takes the case's row (PostgreSQL) or the file (SQLite) until commit, so the read after it is ours.
            var raised = await db.RegistryCases.Where(c => c.Id == caseId)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastDocument, c => c.LastDocument + 1), cancel);
            if (raised == 0) throw new ArgumentException($"Ärendet {caseId} finns inte.", nameof(caseId));
            document.Number = await db.RegistryCases.Where(c => c.Id == caseId).Select(c => c.LastDocument).SingleAsync(cancel);
            db.RegisteredDocuments.Add(document);
            await db.SaveChangesAsync(cancel);
            if (transaction is not null) await transaction.CommitAsync(cancel);
            await db.Entry(document).Reference(d => d.Case).LoadAsync(cancel); // the caller writes the case's number
            return document;
        }
        catch (DbUpdateException) when (transaction is not null && newDocument.InternetMessageId is not null)
        {
            // Two registrars registered the same message at once: the unique index let one through. Undo ours (the
            // document number with it) and answer with theirs.
            await transaction.RollbackAsync(cancel);
            db.Entry(document).State = EntityState.Detached;
            if (await RegisteredAsync(newDocument.InternetMessageId, cancel) is not { } theirs) throw;
            return theirs;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    private Task<RegisteredDocument?> RegisteredAsync(string? internetMessageId, CancellationToken cancel) =>
        internetMessageId is null ? Task.FromResult<RegisteredDocument?>(null)
            : db.RegisteredDocuments.Include(d => d.Case).SingleOrDefaultAsync(d => d.InternetMessageId == internetMessageId, cancel);

    /// <summary>A transaction of our own, or none when the caller's is open: the number then lives and dies with the caller's work.</summary>
    private async Task<IDbContextTransaction?> OwnTransactionAsync(CancellationToken cancel) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancel) : null;
}
