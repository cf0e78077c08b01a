# Kontaktlöfte's API with the add-in's files, for a container behind an HTTPS load balancer (README: "Running it in production").
#   docker build -t kontaktlofte .
#   docker run -p 8080:8080 -e ConnectionStrings__Kontaktlofte="Host=db;Database=kontaktlofte;Username=…;Password=…" \
#     -e AzureAd__TenantId=… -e AzureAd__ClientId=… -e AzureAd__ClientCredentials__0__… kontaktlofte
# Probes: /healthz/live (restart when it fails) and /healthz/ready (send traffic only when it answers).

# 1. The add-in: TypeScript → esbuild into src/AddinApi/wwwroot/addin (what the API's build does on a developer's machine).
FROM node:22-bookworm-slim AS addin
WORKDIR /src/addin
COPY addin/package.json addin/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY addin/ ./
RUN npm run --silent typecheck && npm run --silent build

# 2. The API, published with the add-in's files already built (SkipAddinBuild: no Node in this stage).
#    global.json is left out: it pins this repository's SDK feature band, the image brings its own 10.0 SDK.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS api
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/AddinApi/AddinApi.csproj src/AddinApi/
RUN dotnet restore src/AddinApi/AddinApi.csproj
COPY src/AddinApi/ src/AddinApi/
COPY --from=addin /src/src/AddinApi/wwwroot/addin/ src/AddinApi/wwwroot/addin/
RUN dotnet publish src/AddinApi/AddinApi.csproj -c Release -o /app --no-restore -p:SkipAddinBuild=true

# 3. The runtime: ASP.NET Core only, as the image's unprivileged user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=api /app ./
# A SQLite file needs a writable folder (a volume at /app/data); with PostgreSQL nothing is written here.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
# TLS ends at the load balancer: the API reads X-Forwarded-Proto/-For, redirects plain HTTP to 443 and sends HSTS.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
    ASPNETCORE_HTTPS_PORT=443 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
ENTRYPOINT ["dotnet", "AddinApi.dll"]
