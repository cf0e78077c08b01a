using Kontaktlofte.AddinApi.Acknowledgements;
using Kontaktlofte.AddinApi.Addin;
using Kontaktlofte.AddinApi.Audit;
using Kontaktlofte.AddinApi.Auth;
using Kontaktlofte.AddinApi.Coverage;
using Kontaktlofte.AddinApi.Coverage.OwnReply;
using Kontaktlofte.AddinApi.Data;
using Kontaktlofte.AddinApi.Directory;
using Kontaktlofte.AddinApi.Documentation;
using Kontaktlofte.AddinApi.Drafts;
using Kontaktlofte.AddinApi.Health;
using Kontaktlofte.AddinApi.Mailbox;
using Kontaktlofte.AddinApi.Organisation;
using Kontaktlofte.AddinApi.Outbox;
using Kontaktlofte.AddinApi.Platform;
using Kontaktlofte.AddinApi.Problems;
using Kontaktlofte.AddinApi.Promises;
using Kontaktlofte.AddinApi.Promises.Classification;
using Kontaktlofte.AddinApi.Registry;
using Kontaktlofte.AddinApi.Registration;
using Kontaktlofte.AddinApi.Sandbox;
using Kontaktlofte.AddinApi.Telemetry;
using Kontaktlofte.AddinApi.Watching;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();
builder.AddWebSecurity();
builder.AddOrganisation();
builder.AddProblemAnswers();
builder.AddIdentity();
builder.AddSandbox();
builder.AddDatabase();
builder.AddHealth();
builder.AddApiDocumentation();
builder.AddDrafts();
builder.AddPromises();
builder.AddRetention();
builder.AddMailbox();
builder.AddDirectory();
builder.AddOutbox();
builder.AddAcknowledgements();
builder.AddWatching();
builder.AddRegistry();
builder.AddRegistration();
builder.AddCoverage();
builder.AddOwnReply();
builder.AddTelemetry(); // last: its Graph handler is the innermost

var app = builder.Build();

app.UseProblemAnswers();
app.UseWebSecurity();
app.MapAddin();
app.UseApiDocumentation();
app.UseAuthentication();
app.UseRateLimitPerUser();
app.UseAuthorization();

app.MapHealth();
app.MapMe();
app.MapOfficials();
app.MapDrafts();
app.MapDeadlines();
app.MapClassification();
app.MapPromises();
app.MapLabels();
app.MapAcknowledgements();
app.MapWorklist();
app.MapMailboxes();
app.MapHandover();
app.MapRegistration();
app.MapPromiseReport();
app.MapCoverage();
app.MapOwnReply();
app.MapAudit();
app.MapSandbox();

await app.MigrateDatabaseAsync();
await app.SeedSandboxAsync();
await app.RunAsync();

/// <summary>The API's entry point; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
