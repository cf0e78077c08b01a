using System.ComponentModel.DataAnnotations;

namespace Kontaktlofte.AddinApi.Outbox;

/// <summary>How often the outbox looks for items to send, and when it gives up on one.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Outbox:PollInterval ska vara mellan 10 millisekunder och en timme.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts before an item that keeps failing becomes a dead letter. With back-off from 5 s doubling to 10 min,
    /// 40 attempts span about five hours: a receipt later than that no longer keeps the promise.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Outbox:MaxAttempts ska vara mellan 1 och 1000.")]
    public int MaxAttempts { get; set; } = 40;
}
