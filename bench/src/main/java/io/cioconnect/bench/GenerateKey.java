package io.cioconnect.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** {@code ENCRYPTION_KEYS} for the run, made the way an operator makes it: {@code cio-connect.jar generate-key}. */
final class GenerateKey {

    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{40,}");

    private GenerateKey() {
    }

    static String run(Path jar) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ServiceProcess.javaExecutable(), "-jar", jar.toString(), "generate-key")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("generate-key failed");
        }
        return output.lines().map(String::strip).filter(line -> ENTRY.matcher(line).matches()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("generate-key printed no key entry"));
    }
}
