package io.cioconnect.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/systemd: variables that exist, secrets as systemd credentials named by *_FILE, and the hardening kept. */
class SystemdUnitTest {

    private static final String UNIT = Repository.read("deploy/systemd/cio-connect.service");
    private static final String ENVIRONMENT_FILE = Repository.read("deploy/systemd/cio-connect.env");

    private static List<String> values(String key) {
        List<String> values = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(UNIT);
        while (line.find()) {
            values.add(line.group(1).strip());
        }
        return values;
    }

    @Test
    void namesOnlyVariablesTheServiceReads() {
        List<String> names = new ArrayList<>();
        values("Environment").forEach(assignment -> names.add(assignment.split("=", 2)[0]));
        Matcher line = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]*)=").matcher(ENVIRONMENT_FILE);
        while (line.find()) {
            names.add(line.group(1));
        }

        assertThat(names).hasSizeGreaterThan(10).allSatisfy(name -> assertThat(KnownVariables.isKnown(name)).as(name).isTrue());
        assertThat(values("EnvironmentFile")).containsExactly("/etc/cio-connect/cio-connect.env");
    }

    @Test
    void secretsAreCredentialsNamedByFileVariablesNeverValues() {
        List<String> credentials = new ArrayList<>();
        values("LoadCredential").forEach(credential -> credentials.add(credential.split(":", 2)[0]));
        List<String> files = new ArrayList<>();
        values("Environment").stream().filter(assignment -> assignment.split("=")[0].endsWith("_FILE"))
                .forEach(assignment -> files.add(assignment.split("=", 2)[1]));

        assertThat(files).hasSize(4).allSatisfy(file -> assertThat(file).startsWith("%d/"));
        assertThat(files).map(file -> file.substring(3)).containsExactlyInAnyOrderElementsOf(credentials);
        assertThat(ENVIRONMENT_FILE).doesNotContainPattern("(?m)^(ENCRYPTION_KEYS|API_KEYS|DATABASE_PASSWORD|[A-Z_]+_CLIENT_SECRET)=");
    }

    @Test
    void runsWithoutPrivilegesOnAReadOnlySystemAndRestartsOnFailure() {
        for (String setting : List.of("DynamicUser=yes", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
                "PrivateTmp=yes", "CapabilityBoundingSet=", "SystemCallFilter=@system-service", "Restart=on-failure",
                "StateDirectory=cio-connect", "UMask=0077")) {
            assertThat(UNIT).as(setting).containsPattern("(?m)^" + Pattern.quote(setting) + "$");
        }
        assertThat(UNIT).as("the JIT compiler writes the code it runs").doesNotContainPattern("(?m)^MemoryDenyWriteExecute=yes");
    }
}
