# syntax=docker/dockerfile:1
# Build: docker build -t cio-connect .      Run: see docker-compose.yml and the README.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY domain domain
COPY application application
COPY adapters-http adapters-http
COPY adapters-persistence adapters-persistence
COPY adapters-customerio adapters-customerio
COPY bootstrap bootstrap
RUN ./mvnw -B -ntp -pl bootstrap -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 cio && useradd --system --uid 10001 --gid cio --home-dir /app cio \
    && mkdir -p /app/data && chown -R cio:cio /app \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/bootstrap/target/cio-connect.jar /app/cio-connect.jar
USER cio
ENV DATA_DIR=/app/data PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health/ready" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/cio-connect.jar"]
CMD ["serve"]
