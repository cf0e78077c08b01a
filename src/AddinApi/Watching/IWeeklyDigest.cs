namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// A digest of the week that another feature writes (the unit heads' Monday digest, <c>Coverage/</c>): the watcher runs it
/// after its round on working mornings from <see cref="WatcherOptions.DigestTime"/>, when every mailbox is up to date, and
/// knows nothing else of it.
/// </summary>
public interface IWeeklyDigest
{
    /// <summary>Records and sends what is due now (nothing when it is not its day); returns how many were recorded.</summary>
    Task<int> RunAsync(CancellationToken cancel);
}
