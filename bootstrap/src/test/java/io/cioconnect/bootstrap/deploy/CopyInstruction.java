package io.cioconnect.bootstrap.deploy;

import io.cioconnect.bootstrap.deploy.Dockerfile.Instruction;
import io.cioconnect.bootstrap.deploy.Dockerfile.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code COPY [--from=stage] src... dest} of a Dockerfile, done as Docker does it: a directory's contents
 * (not the directory) go into {@code dest}; a file goes to {@code dest}, or into it when it ends with {@code /}.
 * Sources come from the build context, or from the directory of an earlier stage. Flags about ownership and
 * links change nothing here.
 */
record CopyInstruction(Instruction instruction, Optional<String> from, List<String> sources, String destination) {

    static CopyInstruction parse(Instruction instruction) {
        if (instruction.arguments().startsWith("[") || instruction.arguments().matches(".*[*?\\[].*")) {
            throw new DockerBuild.Failure(instruction + ": only plain paths (no JSON form, no wildcards) are emulated");
        }
        List<String> words = new ArrayList<>(Arrays.asList(instruction.arguments().split("\\s+")));
        Optional<String> from = Optional.empty();
        while (words.get(0).startsWith("--")) {
            String flag = words.remove(0);
            if (flag.startsWith("--from=")) {
                from = Optional.of(flag.substring("--from=".length()));
            }
        }
        if (words.size() < 2) {
            throw new DockerBuild.Failure(instruction + " needs a source and a destination");
        }
        return new CopyInstruction(instruction, from, List.copyOf(words.subList(0, words.size() - 1)),
                words.get(words.size() - 1));
    }

    /** Fails when this copies from the build context and a source is not there. */
    void requireInContext(Path context) {
        if (from.isEmpty()) {
            sources.forEach(source -> require(DockerBuild.inside(context, source), source));
        }
    }

    void apply(Path context, Map<Stage, Path> built, Dockerfile dockerfile, Path stageRoot, String workdir)
            throws IOException {
        Path sourceRoot = from.map(reference -> built.get(dockerfile.stage(reference).orElseThrow())).orElse(context);
        Path target = DockerBuild.inside(stageRoot, Path.of(workdir).resolve(destination).normalize().toString());
        for (String source : sources) {
            Path path = require(DockerBuild.inside(sourceRoot, source), source);
            if (Files.isDirectory(path)) {
                copyTree(path, target);
            } else {
                boolean into = destination.endsWith("/") || sources.size() > 1 || Files.isDirectory(target);
                Path file = into ? target.resolve(path.getFileName()) : target;
                Files.createDirectories(file.getParent());
                Files.copy(path, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private Path require(Path path, String source) {
        if (!Files.exists(path)) {
            throw new DockerBuild.Failure(instruction + " finds no " + source + from.map(stage -> " in stage '" + stage + "'")
                    .orElse(" in the build context (left out by .dockerignore, or missing from the repository?)"));
        }
        return path;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            paths.forEach(path -> {
                Path target = to.resolve(from.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
