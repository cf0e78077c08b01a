using Kontaktlofte.AddinApi.Data;
using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Registry.Embedded;

/// <summary>
/// The registry in the product's own database (the default, and the sandbox's): a new case and its first document are
/// numbered in one transaction, so that two registrars registering the same mail at once leave one case, not one empty.
/// </summary>
internal sealed class EmbeddedRegistry(KontaktlofteDb db, CaseNumbers numbers) : IRegistry
{
    public const string AdapterName = "Embedded";

    public string Name => AdapterName;

    public async Task<RegistryAnswer> RegisterAsync(RegistryOrder order, IRegistryMemo memo, CancellationToken cancel)
    {
        if (await RegisteredAsync(order.InternetMessageId, cancel) is { } earlier) return earlier;
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        try
        {
            var caseId = order.Case is { } number ? await FindAsync(number, cancel) ?? throw new RegistryRefusedException(
                    $"Ärendet {number} finns inte i diariet. Kontrollera diarienumret eller registrera i ett nytt ärende.")
                : (await numbers.OpenCaseAsync(new NewCase(order.NewCase!.Series, order.NewCase.Title, order.NewCase.TitleKeptApart, order.By), cancel)).Id;
            var document = await numbers.RegisterDocumentAsync(caseId,
                new NewDocument(order.InternetMessageId, order.Direction, order.DocumentType, order.By), cancel);
            await transaction.CommitAsync(cancel);
            return Answer(document);
        }
        catch (DbUpdateException)
        {
            // Another registrar's registration of the same mail committed first: ours (case and number with it) is undone.
            await transaction.RollbackAsync(cancel);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is RegistryCase or RegisteredDocument).ToList())
                entry.State = EntityState.Detached;
            return await RegisteredAsync(order.InternetMessageId, cancel) ?? throw new RegistryUnavailableException("Diariet var upptaget; försöker igen.");
        }
        catch (ArgumentException error)
        {
            throw new RegistryRefusedException(error.Message, error);
        }
    }

    public async Task<bool?> CaseExistsAsync(CaseNumber number, CancellationToken cancel) => await FindAsync(number, cancel) is not null;

    private Task<Guid?> FindAsync(CaseNumber number, CancellationToken cancel) =>
        db.RegistryCases.Where(c => c.Series == number.Series && c.Year == number.Year && c.Sequence == number.Sequence)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancel);

    private async Task<RegistryAnswer?> RegisteredAsync(string internetMessageId, CancellationToken cancel) =>
        await db.RegisteredDocuments.AsNoTracking().Include(d => d.Case).FirstOrDefaultAsync(d => d.InternetMessageId == internetMessageId, cancel)
            is { } document ? Answer(document) : null;

    private static RegistryAnswer Answer(RegisteredDocument document) =>
        new(RegistryOutcome.Registered, document.Case.Number, document.Number, document.RegisteredAt);
}
