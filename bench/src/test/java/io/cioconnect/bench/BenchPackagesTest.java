package io.cioconnect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bench module keeps to its own package: a benchmark never poses as a class of the service's modules. */
class BenchPackagesTest {

    @Test
    void everyBenchClassLivesUnderIoCioconnectBench() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).as("bench's sources, seen from the module's directory").isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> outside = files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> sources.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> !file.startsWith("io/cioconnect/bench/"))
                    .toList();
            assertThat(outside).isEmpty();
        }
    }
}
