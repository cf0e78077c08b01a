namespace Kontaktlofte.AddinApi.Promises;

public static class PromiseExtensions
{
    public static WebApplicationBuilder AddPromises(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WorkingDayOptions.Section).Get<WorkingDayOptions>() ?? new();
        builder.Services.AddSingleton(new WorkingDayCalendar(options));
        builder.Services.AddSingleton<DueDates>();
        builder.Services.AddSingleton<Classification.MessageClassifier>();
        return builder;
    }
}
