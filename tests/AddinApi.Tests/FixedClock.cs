namespace Kontaktlofte.AddinApi.Tests;

/// <summary>A clock that stands still, so that "today" in a test is the day the test says.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    /// <summary>Time does not pass either, so that no test depends on how fast the machine is (MarkupBudget.MaxTime).</summary>
    public override long GetTimestamp() => 0;
}
