package io.cioconnect.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Docker build, on exactly its context: the repository minus {@code .dockerignore}, built with the RUN
 * commands of the Dockerfile itself (a nested Maven build, offline after its dependency step, without tests).
 * There is no Docker engine here; {@link DockerBuild} does what Docker would. A module the context leaves out,
 * or a file the image needs that it does not get, fails this test before it fails a {@code docker build}.
 */
class DockerContextBuildIT {

    /** Quiet: the nested build's output is kept in a log, and its errors come back in the failure. */
    private static final Map<String, String> QUIET_MAVEN = Map.of("MAVEN_ARGS", "-q");

    private static DockerBuild build(String name, DockerIgnore ignore) throws IOException {
        Path root = Repository.root();
        Path work = root.resolve("bootstrap/target/docker-build").resolve(name);
        deleteRecursively(work);
        return new DockerBuild(root, ignore, Dockerfile.parse(Repository.read("Dockerfile")), Files.createDirectories(work),
                QUIET_MAVEN, Duration.ofMinutes(15));
    }

    @Test
    void buildsTheImageFromExactlyItsContextAndTheImageStartsTheService() throws Exception {
        Path image = build("repository", DockerIgnore.parse(Repository.read(".dockerignore"))).run();

        assertThat(image.resolve("app/cio-connect.jar")).isRegularFile();
        assertThat(image.resolve("app/jvm.options")).hasSameTextualContentAs(Repository.root().resolve("deploy/jvm.options"));
        try (var modules = Files.list(image.resolve("app/modules")); var libraries = Files.list(image.resolve("app/lib"))) {
            assertThat(modules.map(path -> path.getFileName().toString()))
                    .anyMatch(jar -> jar.startsWith("adapters-persistence-")).noneMatch(jar -> jar.startsWith("bench-"));
            assertThat(libraries.map(path -> path.getFileName().toString())).anyMatch(jar -> jar.startsWith("javalin-"));
        }
        assertThat(runEntrypoint(image, "--help")).contains("Usage: java -jar cio-connect.jar <command>", "serve");
    }

    /** The very drift of issue 14: the POM lists a module the image build does not get. */
    @Test
    void aModuleLeftOutOfTheContextFailsTheBuildNamingIt() throws Exception {
        DockerBuild build = build("without-bench", DockerIgnore.parse(Repository.read(".dockerignore")).and("bench/"));

        assertThatThrownBy(build::run).isInstanceOf(DockerBuild.Failure.class)
                .hasMessageContaining("Docker build context")
                .hasMessageContaining("bench")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aFileTheImageNeedsButTheContextLeavesOutFailsTheBuildNamingIt() throws Exception {
        DockerBuild build = build("without-jvm-options", DockerIgnore.parse(Repository.read(".dockerignore"))
                .and("deploy/jvm.options"));

        assertThatThrownBy(build::run).isInstanceOf(DockerBuild.Failure.class)
                .hasMessageContaining("COPY deploy/jvm.options /app/jvm.options")
                .hasMessageContaining("left out by .dockerignore");
    }

    /** Runs the image's ENTRYPOINT with its paths moved into {@code image}, plus {@code args}; returns its output. */
    private static String runEntrypoint(Path image, String... args) throws Exception {
        String entrypoint = Dockerfile.parse(Repository.read("Dockerfile")).image().all("ENTRYPOINT").get(0).arguments();
        List<String> command = new ArrayList<>();
        for (String part : new ObjectMapper().readValue(entrypoint, String[].class)) {
            command.add(part.replace("/app/", image.resolve("app") + "/"));
        }
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the entrypoint ends").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
