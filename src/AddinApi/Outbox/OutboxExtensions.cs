namespace Kontaktlofte.AddinApi.Outbox;

public static class OutboxExtensions
{
    /// <summary>The outbox and its worker; each feature registers its own <see cref="IOutboxSender"/>.</summary>
    public static WebApplicationBuilder AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<OutboxQueue>();
        builder.Services.AddHostedService<OutboxWorker>();
        return builder;
    }
}
