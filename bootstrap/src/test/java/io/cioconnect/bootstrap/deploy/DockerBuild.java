package io.cioconnect.bootstrap.deploy;

import io.cioconnect.bootstrap.deploy.Dockerfile.Instruction;
import io.cioconnect.bootstrap.deploy.Dockerfile.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a Dockerfile's build on this machine, without Docker: the context is exactly what {@code .dockerignore}
 * lets in, each stage gets a directory of its own as its {@code /}, {@code WORKDIR} and {@code COPY} act on it,
 * and {@code RUN} runs its shell command there. The last stage is the runtime image: its {@code RUN}s need root
 * and the base image, so they do not run, but its {@code COPY}s do, so everything it takes must exist.
 */
final class DockerBuild {

    /** A RUN must not reach outside the stage's directory: no absolute paths (this is not a container). */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(^|[\\s'\"=:;&|(])/");
    /** Variables of the Maven that runs the tests, which would point a nested Maven at the wrong project. */
    private static final Set<String> OUTER_MAVEN = Set.of("MAVEN_PROJECTBASEDIR", "MAVEN_BASEDIR", "MAVEN_CMD_LINE_ARGS");

    private final Path source;
    private final DockerIgnore ignore;
    private final Dockerfile dockerfile;
    private final Path work;
    private final Map<String, String> environment;
    private final Duration runTimeout;

    /**
     * @param source      the directory the context is taken from (the repository root)
     * @param work        an empty directory for the context, the stages and the logs
     * @param environment added to this process's environment for every RUN
     */
    DockerBuild(Path source, DockerIgnore ignore, Dockerfile dockerfile, Path work, Map<String, String> environment,
            Duration runTimeout) {
        this.source = source;
        this.ignore = ignore;
        this.dockerfile = dockerfile;
        this.work = work;
        this.environment = Map.copyOf(environment);
        this.runTimeout = runTimeout;
    }

    /** A step of the build that failed, with what the build printed about it. */
    static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** Builds, and returns the directory that holds the image's files (its {@code /}). */
    Path run() throws IOException, InterruptedException {
        Path context = work.resolve("context");
        for (Path file : ignore.files(source)) {
            Files.createDirectories(context.resolve(file).getParent());
            Files.copy(source.resolve(file), context.resolve(file), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        Set<Stage> stages = needed(dockerfile.image());
        // Like BuildKit, which reads every file it needs from the context before it runs anything.
        for (Stage stage : dockerfile.stages()) {
            if (stages.contains(stage) || stage == dockerfile.image()) {
                for (Instruction copy : stage.all("COPY")) {
                    CopyInstruction.parse(copy).requireInContext(context);
                }
            }
        }
        Map<Stage, Path> built = new HashMap<>();
        for (Stage stage : stages) {
            built.put(stage, build(stage, context, built, true));
        }
        return build(dockerfile.image(), context, built, false);
    }

    /** The stages the image copies from, directly or not, in the order they must run. */
    private Set<Stage> needed(Stage stage) {
        Set<Stage> needed = new LinkedHashSet<>();
        for (Instruction copy : stage.all("COPY")) {
            CopyInstruction.parse(copy).from().ifPresent(reference -> {
                Stage from = dockerfile.stage(reference)
                        .orElseThrow(() -> new Failure(copy + " copies from a stage the Dockerfile does not have"));
                needed.addAll(needed(from));
                needed.add(from);
            });
        }
        return needed;
    }

    private Path build(Stage stage, Path context, Map<Stage, Path> built, boolean runCommands)
            throws IOException, InterruptedException {
        Path root = Files.createDirectories(work.resolve("stages").resolve(stage.index() + "-" + stage.name()));
        String workdir = "/";
        Map<String, String> env = new HashMap<>(environment);
        for (Instruction instruction : stage.instructions()) {
            switch (instruction.keyword()) {
                case "WORKDIR" -> {
                    workdir = Path.of(workdir).resolve(instruction.arguments()).normalize().toString();
                    Files.createDirectories(inside(root, workdir));
                }
                case "COPY" -> CopyInstruction.parse(instruction).apply(context, built, dockerfile, root, workdir);
                case "ENV" -> env.putAll(envOf(instruction));
                case "RUN" -> {
                    if (runCommands) {
                        run(stage, instruction, inside(root, workdir), env);
                    }
                }
                case "ARG", "ONBUILD" -> throw new Failure(instruction + ": not emulated; extend DockerBuild first");
                default -> {
                    // LABEL, USER, EXPOSE, VOLUME, HEALTHCHECK, ENTRYPOINT, CMD: nothing to build
                }
            }
        }
        return root;
    }

    private void run(Stage stage, Instruction instruction, Path directory, Map<String, String> env)
            throws IOException, InterruptedException {
        String command = instruction.arguments();
        if (command.startsWith("[") || command.startsWith("<<") || ABSOLUTE_PATH.matcher(command).find()) {
            throw new Failure(instruction + ": only shell-form commands with paths relative to WORKDIR are emulated");
        }
        Path log = Files.createDirectories(work.resolve("logs")).resolve("line-" + instruction.line() + ".log");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeAll(OUTER_MAVEN);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(runTimeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new Failure(instruction + " did not finish within " + runTimeout + "; its output: " + log);
        }
        if (process.exitValue() != 0) {
            throw new Failure(instruction + " of stage '" + stage.name() + "' exited with " + process.exitValue()
                    + " on the Docker build context (the files the Dockerfile and .dockerignore let in):\n"
                    + excerpt(log) + "\n(whole output: " + log + ")");
        }
    }

    /** Maven's error lines, which name the problem; else the end of the output. */
    private static String excerpt(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        List<String> errors = lines.stream().filter(line -> line.contains("[ERROR]") && !line.strip().equals("[ERROR]"))
                .limit(8).toList();
        return String.join("\n", errors.isEmpty() ? lines.subList(Math.max(0, lines.size() - 20), lines.size()) : errors);
    }

    private static Map<String, String> envOf(Instruction instruction) {
        Map<String, String> env = new HashMap<>();
        for (String pair : instruction.arguments().split("\\s+")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2) {
                throw new Failure(instruction + ": only ENV key=value pairs are emulated");
            }
            env.put(parts[0], parts[1]);
        }
        return env;
    }

    /** The directory of a stage that stands for {@code containerPath}; never outside the stage's own. */
    static Path inside(Path root, String containerPath) {
        Path path = root.resolve(containerPath.replaceFirst("^/+", "")).normalize();
        if (!path.startsWith(root)) {
            throw new Failure(containerPath + " leaves the stage's directory");
        }
        return path;
    }
}
