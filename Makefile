# Ignition Toolkit v3 — one entry point for every task. `make help` lists the targets.
# Settings (override with `make VAR=value`): DB=sqlite|postgres, CONFIGURATION=Debug|Release,
# RABBITMQ_URL, PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE, API_URL, WEB_URL, DASHBOARD_URL,
# IMAGE_PREFIX, IMAGE_TAG, PROFILE (compose profile for start-docker), BENCH_ARGS.

SHELL := /bin/bash
.DEFAULT_GOAL := help
.SHELLFLAGS := -eu -o pipefail -c

VERSION       := $(shell cat VERSION)
CONFIGURATION ?= Debug
DB            ?= sqlite
RABBITMQ_URL  ?= amqp://guest:guest@127.0.0.1:5672
IMAGE_PREFIX  ?= ignition-toolkit
IMAGE_TAG     ?= $(VERSION)
PROFILE       ?=
BENCH_PROJECT := bench/IgnitionToolkit.Benchmarks
SERVICES      := api runner web
export CONFIGURATION DB RABBITMQ_URL

DOCKER_CHECK = source scripts/lib.sh && require_docker
COMPOSE_PROFILE = $(if $(PROFILE),--profile $(PROFILE),)

.PHONY: help install start start-docker stop restart logs test test-fast coverage lint format clean build health \
        docker-build docker-push migrate backup manifest bench soak

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

install: ## Install local services (RabbitMQ; PostgreSQL when DB=postgres) and restore NuGet packages
	@command -v dotnet >/dev/null || { echo "error: the .NET SDK is missing (version in global.json)"; exit 1; }
	@.ci/services.sh rabbitmq $(if $(filter postgres,$(DB)),postgres,)
	dotnet restore IgnitionToolkit.slnx

build: ## Build the whole solution
	dotnet build IgnitionToolkit.slnx -c $(CONFIGURATION) -nologo

start: ## Start RabbitMQ (+PostgreSQL with DB=postgres) and the AppHost in the background; prints the URLs
	@scripts/start.sh

stop: ## Stop the AppHost started by `make start` (and the services it runs)
	@scripts/stop.sh

restart: stop start ## Stop, then start

logs: ## Follow the AppHost log (service logs: the dashboard's Console logs page)
	@test -f .run/apphost.log || { echo "no log yet: run 'make start' first"; exit 1; }
	tail -n 100 -F .run/apphost.log

health: ## Check api, runner, web and the dashboard
	@scripts/health.sh

test: ## Build once, run every test project (TRX in artifacts/test-results), print the total
	@scripts/test.sh

test-fast: ## Unit tests only (IgnitionToolkit.Core.Tests)
	@scripts/test.sh Core.Tests

coverage: ## Every test with coverlet; merged report in artifacts/coverage, fails under COVERAGE_MIN (80) percent of lines
	@scripts/coverage.sh

lint: ## Warnings as errors, formatting check, vulnerable packages
	dotnet build IgnitionToolkit.slnx -c $(CONFIGURATION) -nologo -warnaserror
	dotnet format IgnitionToolkit.slnx --verify-no-changes --no-restore
	@out="$$(dotnet list IgnitionToolkit.slnx package --vulnerable --include-transitive 2>&1)"; echo "$$out" | grep -E 'vulnerab|error' | sort -u; \
	  if echo "$$out" | grep -qE '^\s+>'; then echo "vulnerable packages found"; exit 1; fi

format: ## Apply the formatting rules (.editorconfig)
	dotnet format IgnitionToolkit.slnx

clean: ## Remove build output and test results (keeps data/ and artifacts/backups)
	dotnet clean IgnitionToolkit.slnx -nologo -v quiet || true
	rm -rf */bin */obj tests/*/bin tests/*/obj bench/*/bin bench/*/obj artifacts/test-results artifacts/aspire-manifest.json

migrate: ## Apply the database migrations (DB=postgres for PostgreSQL)
	@source scripts/lib.sh && mapfile -t db_env < <(database_env) && \
	  env "$${db_env[@]}" dotnet run --project IgnitionToolkit.Api -c $(CONFIGURATION) -- --migrate

backup: ## Archive the data folder (+ pg_dump with DB=postgres) into artifacts/backups
	@scripts/backup.sh

manifest: ## Write the Aspire deployment manifest to artifacts/aspire-manifest.json
	@mkdir -p artifacts
	dotnet run --project IgnitionToolkit.AppHost -c $(CONFIGURATION) -- --publisher manifest --output-path $(CURDIR)/artifacts/aspire-manifest.json

bench: ## Run bench/IgnitionToolkit.Benchmarks (API + RabbitMQ + Runner vs in-process)
	@if [ ! -f $(BENCH_PROJECT)/IgnitionToolkit.Benchmarks.csproj ]; then \
	  echo "bench: $(BENCH_PROJECT) does not exist yet; nothing to run"; \
	else \
	  .ci/services.sh rabbitmq && \
	  ConnectionStrings__messaging=$(RABBITMQ_URL) dotnet run --project $(BENCH_PROJECT) -c Release -- $(BENCH_ARGS); \
	fi

soak: ## Executions back to back for SOAK_MINUTES (default 10; 1440 = the plan's 24 h leak check); fails on memory growth
	@.ci/services.sh rabbitmq && \
	  ConnectionStrings__messaging=$(RABBITMQ_URL) dotnet run --project $(BENCH_PROJECT) -c Release -- soak $(or $(SOAK_MINUTES),10) $(or $(SOAK_MAX_GROWTH),25)

start-docker: ## docker compose up (PROFILE=dev|postgres); needs a Docker engine
	@$(DOCKER_CHECK)
	$(if $(filter postgres,$(PROFILE)),TOOLKIT_DB_CONNECTION="$${TOOLKIT_DB_CONNECTION:-Host=postgres;Port=5432;Database=ignition_toolkit;Username=postgres;Password=$${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}}") \
	  docker compose $(COMPOSE_PROFILE) up -d --build --wait
	@echo "API http://127.0.0.1:5080   Web http://127.0.0.1:5100"

docker-build: ## Build the api, runner and web images; needs a Docker engine
	@$(DOCKER_CHECK)
	@for s in $(SERVICES); do \
	  echo "== $(IMAGE_PREFIX)/$$s:$(IMAGE_TAG)"; \
	  docker build -f Dockerfile --target $$s -t $(IMAGE_PREFIX)/$$s:$(IMAGE_TAG) . ; done

docker-push: ## Push the images (IMAGE_PREFIX=registry/namespace); needs a Docker engine
	@$(DOCKER_CHECK)
	@for s in $(SERVICES); do docker push $(IMAGE_PREFIX)/$$s:$(IMAGE_TAG); done
