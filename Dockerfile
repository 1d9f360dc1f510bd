# syntax=docker/dockerfile:1
# cio-connect as a container image:  docker build -t cio-connect .
# Running it: docs/operations.md ("Deploying"), or docker-compose.yml.
#
# The context is the whole repository minus .dockerignore, so a new module needs no edit here. In CI,
# DockerContextBuildIT (bootstrap) copies exactly that context and runs this file's RUN commands of the
# build stages on it, so a build that cannot work here fails the test suite first.

# Only the wrapper and the POMs: what dependency resolution reads.
FROM eclipse-temurin:17-jdk AS poms
WORKDIR /src
COPY . .
RUN find . -type f ! -name pom.xml ! -name mvnw ! -path './.mvn/*' -delete && find . -type d -empty -delete

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependency cache layer: the same build on the POMs alone downloads every plugin and dependency, and is
# rebuilt only when a POM changes (the copy above is identical otherwise, so Docker reuses this layer).
COPY --from=poms /src/ ./
RUN ./mvnw -B -ntp -pl bootstrap -am -Pimage-layers -DskipTests clean package
COPY . .
RUN ./mvnw -B -ntp -o -pl bootstrap -am -Pimage-layers -DskipTests clean package \
    && cp bootstrap/target/bootstrap-*.jar bootstrap/target/image/cio-connect.jar

FROM eclipse-temurin:17-jre
# A fixed non-root user (the same uid/gid as the Jib image), owning only its data directory.
RUN groupadd --system --gid 10001 cio \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin cio \
    && mkdir -p /app/data && chown 10001:10001 /app/data && chmod 700 /app/data \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY deploy/jvm.options /app/jvm.options
# Layers from the least to the most often changed: third-party jars, our other modules, the bootstrap jar.
# Jars only: the class-data archive below holds only for a class path of jars.
COPY --from=build /src/bootstrap/target/image/lib/ /app/lib/
COPY --from=build /src/bootstrap/target/image/modules/ /app/modules/
COPY --from=build /src/bootstrap/target/image/cio-connect.jar /app/cio-connect.jar
# The AppCDS archive that deploy/jvm.options names (/app/cio-connect.jsa): a training run of the ENTRYPOINT's
# exact launch, started and stopped here, so every start of the image maps its classes instead of loading them.
COPY deploy/class-archive.sh /app/class-archive.sh
RUN ./class-archive.sh /app/jvm.options -cp "/app/cio-connect.jar:/app/modules/*:/app/lib/*" io.cioconnect.bootstrap.Main \
    && rm class-archive.sh
USER 10001:10001
ENV DATA_DIR=/app/data PORT=8080
VOLUME /app/data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health/ready" || exit 1
ENTRYPOINT ["java", "@/app/jvm.options", "-cp", "/app/cio-connect.jar:/app/modules/*:/app/lib/*", "io.cioconnect.bootstrap.Main"]
CMD ["serve"]
