using System.Reflection;
using Microsoft.OpenApi;

namespace Kontaktlofte.AddinApi.Documentation;

/// <summary>Swagger (Swashbuckle) at <c>/swagger</c>, from the XML doc comments.</summary>
public static class ApiDocumentation
{
    public static WebApplicationBuilder AddApiDocumentation(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Kontaktlöfte API",
                Version = "v1",
                Description = "Botkyrka kommuns kontaktlöfte i Outlook: granskning av svar, svarstider, " +
                              "mottagningsbevis, registrering och bevakning.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            swagger.IncludeXmlComments(xml);
            swagger.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Token från Entra ID (NAA i Outlook) med scope access_as_user. " +
                              "I sandlådeläge väljs användaren i stället med rubriken X-Sandbox-User.",
            });
        });
        return builder;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(ui => ui.DocumentTitle = "Kontaktlöfte API");
        return app;
    }
}
