# syntax=docker/dockerfile:1
# One multi-stage file for the three services; pick one with --target api|runner|web
# (make docker-build builds all three; docker-compose.yml uses the same targets).
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
COPY . .
# Locked restore, as in CI; the NuGet cache survives between builds.
RUN --mount=type=cache,target=/root/.nuget/packages \
    CI=true dotnet restore IgnitionToolkit.Api/IgnitionToolkit.Api.csproj --locked-mode && \
    CI=true dotnet restore IgnitionToolkit.Runner/IgnitionToolkit.Runner.csproj --locked-mode && \
    CI=true dotnet restore IgnitionToolkit.Web/IgnitionToolkit.Web.csproj --locked-mode
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish IgnitionToolkit.Api/IgnitionToolkit.Api.csproj -c Release --no-restore -o /out/api && \
    dotnet publish IgnitionToolkit.Runner/IgnitionToolkit.Runner.csproj -c Release --no-restore -o /out/runner && \
    dotnet publish IgnitionToolkit.Web/IgnitionToolkit.Web.csproj -c Release --no-restore -o /out/web && \
    mkdir -p playbooks

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* && \
    mkdir -p /data && chown app:app /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_ENVIRONMENT=Production \
    Toolkit__DataDirectory=/data \
    Toolkit__PlaybooksDirectory=/data/playbooks
EXPOSE 8080
VOLUME /data
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD curl -fsS http://127.0.0.1:8080/health || exit 1
WORKDIR /app

FROM runtime AS api
COPY --from=build /out/api /app
# The example library; an empty named volume mounted on /data starts with a copy of it, and stays editable.
COPY --from=build --chown=app:app /src/playbooks /data/playbooks
USER app
ENTRYPOINT ["dotnet", "IgnitionToolkit.Api.dll"]

FROM runtime AS runner
# Perspective steps drive Debian's Chromium (Perspective:Browser:ExecutablePath defaults to /usr/bin/chromium);
# utility.python steps run Debian's python3 (Toolkit:Python:Interpreter defaults to python3 on PATH).
USER root
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core python3 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/runner /app
COPY --from=build --chown=app:app /src/playbooks /data/playbooks
USER app
ENTRYPOINT ["dotnet", "IgnitionToolkit.Runner.dll"]

FROM runtime AS web
COPY --from=build /out/web /app
USER app
ENTRYPOINT ["dotnet", "IgnitionToolkit.Web.dll"]
