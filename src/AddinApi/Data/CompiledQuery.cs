using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kontaktlofte.AddinApi.Data;

/// <summary>
/// A query EF compiles once (<c>EF.CompileAsyncQuery</c>) instead of translating it again at each request: for the paths the
/// pane calls each time a mail is opened (README, Load). EF binds a compiled query to one model; a process serving one
/// database has one, while the tests run SQLite's and PostgreSQL's side by side — so it is compiled once per model.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db) => _byModel.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
