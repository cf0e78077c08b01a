using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kontaktlofte.AddinApi.Data;

/// <summary>An instant as Unix milliseconds (UTC): sortable and comparable in SQLite.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
