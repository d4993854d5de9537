# The Kizuna API image. Built by docker-compose.yml (API + Neo4j); also runs on
# its own with the embedded store: docker run -p 8000:8000 kizuna
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# Only what the package needs (see .dockerignore): no tests, no virtualenv.
COPY pyproject.toml README.md ./
COPY graph/ graph/
COPY ingest/ ingest/
COPY queries/ queries/
COPY api/ api/
COPY viz/ viz/
COPY cli/ cli/
COPY bench/ bench/
RUN pip install '.[neo4j]' \
 && useradd --system --create-home --uid 10001 kizuna

COPY docker/entrypoint.sh /usr/local/bin/kizuna-entrypoint
RUN chmod 0755 /usr/local/bin/kizuna-entrypoint

USER kizuna
# Bind all interfaces inside the container; the embedded store (used when
# KIZUNA_STORE is not overridden) lives in the user's home.
ENV KIZUNA_HOST=0.0.0.0 \
    KIZUNA_PORT=8000 \
    KIZUNA_STORE=/home/kizuna/data/kizuna.sqlite
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

ENTRYPOINT ["kizuna-entrypoint"]
CMD ["kizuna", "serve"]
