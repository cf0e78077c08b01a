using System.Collections.Concurrent;
using Kontaktlofte.AddinApi.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kontaktlofte.AddinApi.Tests.Coverage;

/// <summary>The report reads the messages once, whatever the number of weeks or messages (no N+1), and reads no citizen.</summary>
[TestClass]
public sealed class ReportQueryTests
{
    [TestMethod]
    public async Task A_report_reads_the_messages_in_one_query_and_never_the_citizen()
    {
        var commands = new Commands();
        using var api = new KontaktlofteFactory(now: ReportSeededWeek.Today,
            settings: new() { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" },
            services: s => s.AddSingleton<ILoggerProvider>(commands));
        var head = api.ClientAs(Roles.Enhetschef);
        head.DefaultRequestHeaders.Add(TestAuthHandler.EmailHeader, "enhetschef@sandbox.botkyrka.se");
        await ReportSeededWeek.InsertAsync(api);

        foreach (var range in new[] { "from=2026-12-21&to=2026-12-27", "from=2026-01-05&to=2027-01-03" })
        {
            commands.Sql.Clear();
            var response = await head.GetAsync($"/api/reports/promise?{range}&unit={ReportSeededWeek.Unit}");
            Assert.IsTrue(response.IsSuccessStatusCode, range);
            var messages = commands.Sql.Where(sql => sql.Contains("FROM \"Messages\"", StringComparison.Ordinal)).ToList();
            Assert.HasCount(1, messages, range + ": " + string.Join("\n\n", messages));
            Assert.DoesNotContain("Citizen", messages[0]);
            Assert.DoesNotContain("Subject", messages[0]);
            Assert.IsLessThanOrEqualTo(6, commands.Sql.Count, string.Join("\n\n", commands.Sql)); // the unit, its mailboxes, the messages
        }
    }

    private sealed class Commands : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Sql { get; } = new();

        public ILogger CreateLogger(string categoryName) =>
            categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name?.EndsWith("CommandExecuted", StringComparison.Ordinal) == true) Sql.Enqueue(formatter(state, exception));
        }

        public void Dispose() { }
    }
}
