# syntax=docker/dockerfile:1
#
# Switchboard image: build and test with exactly the CI command, then run the shaded jar on a JRE as a non-root user.
#   docker build -t switchboard .
#   docker run -p 8080:8080 -p 8081:8081 -v switchboard-data:/var/lib/switchboard switchboard
# docker-compose.yml runs it with PostgreSQL, Redis and Caddy (https + wss).

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# The CI command, character for character (.ci/run; a test keeps the two equal): the image only ever holds a jar
# whose whole test suite passed in this very build. The cache mount keeps ~/.m2 between builds.
RUN --mount=type=cache,target=/root/.m2 mvn -B verify

FROM eclipse-temurin:21-jre
# curl for the health check only.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /var/lib/switchboard --shell /usr/sbin/nologin switchboard \
    && mkdir -p /var/lib/switchboard /opt/switchboard \
    && chown switchboard:switchboard /var/lib/switchboard
COPY --from=build /src/media-server/target/switchboard.jar /opt/switchboard/switchboard.jar

# The embedded PostgreSQL (when DATABASE_URL is unset) and the unpacked speech model live in the data volume.
ENV SWITCHBOARD_DATA_DIR=/var/lib/switchboard \
    SWITCHBOARD_HTTP_HOST=0.0.0.0 \
    SWITCHBOARD_MEDIA_HOST=0.0.0.0
VOLUME ["/var/lib/switchboard"]
WORKDIR /var/lib/switchboard
EXPOSE 8080 8081
USER switchboard

# Ready = database (and Redis, when configured) reachable and not shutting down; start-up loads the speech models.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${SWITCHBOARD_HTTP_PORT:-8080}/health/ready" || exit 1

# SIGTERM (docker stop) drains: readiness goes false, calls in progress are told goodbye, the outbox is flushed.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/switchboard/switchboard.jar"]
CMD ["serve"]
