using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace Kontaktlofte.AddinApi.Registry.Lex;

/// <summary>
/// The Lex REST contract as a Swagger document of its own (<c>/swagger/lex/swagger.json</c>, "Lex REST-kontrakt" in the
/// UI's drop-down): Lex's integration layer implements these two operations, the product calls them. They are no routes
/// of this API, so the document is written here from the contract's records, and no route of the API appears in it.
/// </summary>
public static class LexContractDocument
{
    public const string Name = "lex";
    public const string RegisterOperation = "RegisterInLex";
    public const string CaseOperation = "GetLexCase";
    private const string ApiKeyScheme = "LexApiKey";

    public static IServiceCollection AddLexContractDocument(this IServiceCollection services)
    {
        services.Configure<SwaggerGenOptions>(swagger =>
        {
            swagger.SwaggerDoc(Name, new OpenApiInfo
            {
                Title = "Lex REST-kontrakt",
                Version = "1",
                Description = "Kontraktet som Lex integrationslager implementerar när Registry:Adapter är LexHttp. Kontaktlöfte anropar, Lex svarar. " +
                              "Samma Idempotency-Key (eller samma internetMessageId) igen ger 200 med samma nummer, aldrig en andra handling.",
            });
            swagger.DocumentFilter<LexContractFilter>();
        });
        // The API's own document keeps every route; this one takes none of them.
        services.PostConfigure<SwaggerGenOptions>(swagger =>
        {
            var included = swagger.SwaggerGeneratorOptions.DocInclusionPredicate;
            swagger.SwaggerGeneratorOptions.DocInclusionPredicate = (document, api) => document != Name && included(document, api);
        });
        services.Configure<SwaggerUIOptions>(ui =>
        {
            ui.SwaggerEndpoint("v1/swagger.json", "Kontaktlöfte API");
            ui.SwaggerEndpoint($"{Name}/swagger.json", "Lex REST-kontrakt");
        });
        return services;
    }

    private sealed class LexContractFilter : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            if (context.DocumentName != Name) return;
            IOpenApiSchema Schema(Type type) => context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository);
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-Api-Key",
                    Description = "API-nyckeln (rubrikens namn: Registry:LexHttp:ApiKeyHeader, standard X-Api-Key). Utan giltig nyckel: 401.",
                },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
            var problem = Schema(typeof(ProblemDetails));
            var tag = new OpenApiTagReference("Lex", document);
            document.Tags = new HashSet<OpenApiTag> { new() { Name = "Lex", Description = "Registrering i Lex" } };
            document.Paths = new OpenApiPaths
            {
                ["/registrations"] = new OpenApiPathItem
                {
                    Operations = new Dictionary<HttpMethod, OpenApiOperation>
                    {
                        [HttpMethod.Post] = new()
                        {
                            OperationId = RegisterOperation,
                            Summary = "Registrera en handling (och vid behov ett nytt ärende)",
                            Description = "Registrerar ett e-postmeddelande en gång. Samma Idempotency-Key eller samma internetMessageId igen ger 200 med samma " +
                                          "diarienummer och handlingsnummer. Kontaktlöfte försöker igen vid 408, 429 och 5xx (med Retry-After), aldrig vid 400, 404 och 422.",
                            Tags = new HashSet<OpenApiTagReference> { tag },
                            Parameters =
                            [
                                new OpenApiParameter
                                {
                                    Name = "Idempotency-Key",
                                    In = ParameterLocation.Header,
                                    Required = true,
                                    Description = "Kontaktlöftes registrerings-id (GUID): samma nyckel igen registrerar inte igen.",
                                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                                },
                            ],
                            RequestBody = new OpenApiRequestBody
                            {
                                Required = true,
                                Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = Schema(typeof(LexRegistrationRequest)) } },
                            },
                            Responses = new OpenApiResponses
                            {
                                ["201"] = Json("Registrerad", Schema(typeof(LexRegistrationAnswer))),
                                ["200"] = Json("Registrerad sedan tidigare (samma nyckel eller samma meddelande): samma nummer", Schema(typeof(LexRegistrationAnswer))),
                                ["400"] = Problem("Ogiltig begäran (saknad Idempotency-Key, felaktig JSON): registreringen avvisas", problem),
                                ["401"] = Problem("API-nyckel saknas eller är fel: registreringen väntar", problem),
                                ["404"] = Problem("Ärendet (caseNumber) finns inte: registreringen avvisas", problem),
                                ["422"] = Problem("Lex kan inte registrera handlingen (okänd serie, handlingstyp …): registreringen avvisas", problem),
                                ["429"] = Problem("För många anrop: Kontaktlöfte försöker igen efter Retry-After", problem, retryAfter: true),
                                ["503"] = Problem("Lex är inte tillgängligt: Kontaktlöfte försöker igen efter Retry-After", problem, retryAfter: true),
                            },
                        },
                    },
                },
                ["/cases/{caseNumber}"] = new OpenApiPathItem
                {
                    Operations = new Dictionary<HttpMethod, OpenApiOperation>
                    {
                        [HttpMethod.Get] = new()
                        {
                            OperationId = CaseOperation,
                            Summary = "Finns ärendet?",
                            Description = "200 om ärendet finns, 404 om det inte finns. Annat svar (eller inget) betyder att Lex inte kan svara just nu.",
                            Tags = new HashSet<OpenApiTagReference> { tag },
                            Parameters =
                            [
                                new OpenApiParameter
                                {
                                    Name = "caseNumber",
                                    In = ParameterLocation.Path,
                                    Required = true,
                                    Description = "Diarienumret som ett segment, procentkodat: KS/2026:00017 skickas som KS%2F2026%3A00017.",
                                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                                },
                            ],
                            Responses = new OpenApiResponses
                            {
                                ["200"] = Json("Ärendet finns", Schema(typeof(LexCase))),
                                ["401"] = Problem("API-nyckel saknas eller är fel", problem),
                                ["404"] = Problem("Ärendet finns inte", problem),
                            },
                        },
                    },
                },
            };
        }

        private static OpenApiResponse Json(string description, IOpenApiSchema schema) => new()
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schema } },
        };

        private static OpenApiResponse Problem(string description, IOpenApiSchema schema, bool retryAfter = false) => new()
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
            Headers = retryAfter
                ? new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Sekunder, eller ett HTTP-datum", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                }
                : null,
        };
    }
}
