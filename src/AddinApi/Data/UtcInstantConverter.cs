using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kontaktlofte.AddinApi.Data;

/// <summary>
/// An instant stored in UTC. PostgreSQL's <c>timestamptz</c> keeps the instant, not the offset, and Npgsql refuses to write
/// one with any other offset than zero (a forwarded mail's time is read in Swedish time, +01:00 or +02:00). Read back,
/// it is UTC — as SQLite's Unix milliseconds are.
/// </summary>
public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v.ToUniversalTime());
