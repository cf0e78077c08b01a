namespace Kontaktlofte.AddinApi.Outbox;

/// <summary>Delivers one kind of outbox item. Throws <see cref="RetryLaterException"/> or <see cref="CannotBeSentException"/>.</summary>
public interface IOutboxSender
{
    string Kind { get; }

    Task SendAsync(Guid id, CancellationToken cancel);

    /// <summary>The item is given up for good: forget what was kept only for sending.</summary>
    Task GaveUpAsync(Guid id, CancellationToken cancel);
}

/// <summary>The way out is blocked for now (a 5xx, a 429, no connection): try again later.</summary>
public sealed class RetryLaterException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>It can never be sent as it stands (the message it answers is gone): a dead letter, shown to the official.</summary>
public sealed class CannotBeSentException(string message, Exception? inner = null) : Exception(message, inner);
