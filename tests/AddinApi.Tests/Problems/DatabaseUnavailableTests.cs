using System.Net.Sockets;
using Kontaktlofte.AddinApi.Problems;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kontaktlofte.AddinApi.Tests.Problems;

/// <summary>
/// Which database failures answer 503 ("try again"): the database out of reach, however EF wraps it — and not a refused
/// write or a bad statement, which stay what they are (a conflict the endpoint answers, or a 500 that is a bug).
/// </summary>
[TestClass]
public sealed class DatabaseUnavailableTests
{
    public static IEnumerable<object[]> Unavailable() =>
    [
        [new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))],
        [new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while reading from stream", new EndOfStreamException()))],
        [new DbUpdateException("An error occurred while saving the entity changes.", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"))],
        [new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03")],
        [new PostgresException("connection failure", "FATAL", "FATAL", "08006")],
    ];

    public static IEnumerable<object[]> Other() =>
    [
        [new DbUpdateException("An error occurred while saving the entity changes.", new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505"))],
        [new PostgresException("syntax error at or near \"SELEC\"", "ERROR", "ERROR", "42601")],
        [new PostgresException("canceling statement due to user request", "ERROR", "ERROR", "57014")],
        [new SqliteException("UNIQUE constraint failed: Outbox.Id", 19)],
        [new InvalidOperationException("Sequence contains no elements")],
    ];

    [TestMethod]
    [DynamicData(nameof(Unavailable))]
    public void The_database_out_of_reach_is_a_503(Exception error) => Assert.IsNotNull(DatabaseUnavailable.Cause(error));

    [TestMethod]
    [DynamicData(nameof(Other))]
    public void A_refused_write_or_a_bad_statement_is_not(Exception error) => Assert.IsNull(DatabaseUnavailable.Cause(error));
}
