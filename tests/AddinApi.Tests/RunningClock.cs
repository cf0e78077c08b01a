namespace Kontaktlofte.AddinApi.Tests;

/// <summary>
/// A clock that starts on the day the test says and then runs as real time does: for tests in which time must pass
/// (a lease running out) in a second or two, where a <see cref="FixedClock"/> would never let it.
/// </summary>
internal sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_started);
}
