using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Data.Postgres;

/// <summary>
/// The product's database on PostgreSQL: the same model as <see cref="KontaktlofteDb"/>, a context type of its own so that
/// EF Core keeps its migrations apart from SQLite's (EF Core's "migrations with multiple providers", one context type per
/// provider). Services ask for <see cref="KontaktlofteDb"/> and get this one when the connection string is PostgreSQL's;
/// so does <c>dotnet ef</c> given one (README, Migrations). No design-time factory: IDesignTimeDbContextFactory is covariant,
/// and one for this context would be taken for <see cref="KontaktlofteDb"/> too, SQLite's migrations written as PostgreSQL's.
/// </summary>
public sealed class PostgresKontaktlofteDb(DbContextOptions<PostgresKontaktlofteDb> options) : KontaktlofteDb(options);
