using Microsoft.EntityFrameworkCore;

namespace Kontaktlofte.AddinApi.Sandbox.Postgres;

/// <summary>The sandbox's mailboxes on PostgreSQL: the model of <see cref="SandboxDb"/>, with migrations of its own.</summary>
public sealed class PostgresSandboxDb(DbContextOptions<PostgresSandboxDb> options) : SandboxDb(options);
