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

    /// <summary>
    /// How long one sender holds an item it is sending: longer than the Graph SDK's own retries can take (2 × Retry-After,
    /// at most 180 s each), so that one sender at a time sends it. An instance that dies mid-send holds it no longer than
    /// this; then another sends it, and the saved draft id keeps it one mail.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Outbox:Lease ska vara mellan en sekund och en timme.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);
}
