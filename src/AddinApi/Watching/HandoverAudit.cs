using System.Globalization;
using Kontaktlofte.AddinApi.Data;

namespace Kontaktlofte.AddinApi.Watching;

/// <summary>
/// A hand-over's lines in the audit log, under the hand-over's own id: who handed which message (its key) to which colleague
/// or function mailbox, and whether the citizen was told. Never the note, the citizen or the subject.
/// </summary>
internal static class HandoverAudit
{
    public const string Created = "handover.created";
    public const string Sent = "handover.sent";
    public const string Failed = "handover.failed";

    public static string Details(Handover handover, DateOnly answerBy) => string.Create(CultureInfo.InvariantCulture,
        $"message={AuditLog.MessageKey(handover.MessageId)}; to={handover.ToAddress}; notifyCitizen={AuditLog.YesNo(handover.NotifyCitizen)}; answerBy={answerBy:yyyy-MM-dd}");

    /// <summary>What reached whom in the end: the forward, and the note to the citizen.</summary>
    public static string Outcome(Handover handover, bool citizenTold) =>
        $"message={AuditLog.MessageKey(handover.MessageId)}; to={handover.ToAddress}; forwarded={AuditLog.YesNo(handover.ForwardSent)}; citizenTold={AuditLog.YesNo(citizenTold)}";
}

/// <summary>An automatic receipt's lines, under its function mailbox (the unit's record the head reads them by); by the watcher.</summary>
internal static class AutomaticReceiptAudit
{
    public const string Queued = "automatic-receipt.queued";
    public const string Sent = "automatic-receipt.sent";
    public const string Failed = "automatic-receipt.failed";

    public static string Details(AutomaticReceipt receipt) => string.Create(CultureInfo.InvariantCulture,
        $"receipt={receipt.Id}; message={AuditLog.MessageKey(receipt.MessageId)}; due={receipt.DueDate:yyyy-MM-dd}; language={receipt.Language}");
}
