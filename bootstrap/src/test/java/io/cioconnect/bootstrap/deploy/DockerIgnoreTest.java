package io.cioconnect.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .dockerignore rules DockerContextBuildIT builds the context with, against Docker's documented examples. */
class DockerIgnoreTest {

    @Test
    void aPatternIsRelativeToTheRootAndCoversWhatIsInsideADirectory() {
        DockerIgnore ignore = DockerIgnore.parse("data/\n/secrets\n");

        assertThat(ignore.excludes("data")).isTrue();
        assertThat(ignore.excludes("data/postgres/PG_VERSION")).isTrue();
        assertThat(ignore.excludes("secrets/api_keys")).isTrue();
        assertThat(ignore.excludes("bootstrap/data/x")).as("not at any depth without **").isFalse();
        assertThat(ignore.excludes("database.md")).isFalse();
    }

    @Test
    void starsStayWithinOnePathElementAndDoubleStarsCrossAny() {
        DockerIgnore ignore = DockerIgnore.parse("*/temp*\n**/target/\n*.log\nfile?.txt\n");

        assertThat(ignore.excludes("somedir/temporary.txt")).isTrue();
        assertThat(ignore.excludes("somedir/sub/temporary.txt")).isFalse();
        assertThat(ignore.excludes("target/classes/A.class")).isTrue();
        assertThat(ignore.excludes("bootstrap/target/cio-connect.jar")).isTrue();
        assertThat(ignore.excludes("bootstrap/src/main/java/target.java")).isFalse();
        assertThat(ignore.excludes("build.log")).isTrue();
        assertThat(ignore.excludes("bench/build.log")).isFalse();
        assertThat(ignore.excludes("file1.txt")).isTrue();
        assertThat(ignore.excludes("file10.txt")).isFalse();
    }

    @Test
    void theLastMatchingLineWinsAndAnExclamationMarkLetsBackIn() {
        DockerIgnore ignore = DockerIgnore.parse("# comment\n*.md\n!README*.md\nREADME-secret.md\n");

        assertThat(ignore.excludes("CHANGES.md")).isTrue();
        assertThat(ignore.excludes("README.md")).isFalse();
        assertThat(ignore.excludes("README-secret.md")).isTrue();
        assertThat(ignore.excludes("comment")).isFalse();
    }

    @Test
    void listsTheFilesOfTheContextLookingIntoExcludedDirectoriesOnlyForWhatIsLetBackIn(@TempDir Path root)
            throws Exception {
        for (String file : new String[] {"pom.xml", "deploy/jvm.options", "deploy/kubernetes/deployment.yaml",
                "app/target/app.jar", "app/src/A.java", ".git/HEAD"}) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), file);
        }
        DockerIgnore ignore = DockerIgnore.parse("**/target/\n.git/\ndeploy/\n!deploy/jvm.options\n");

        assertThat(ignore.files(root)).map(path -> path.toString().replace('\\', '/'))
                .containsExactlyInAnyOrder("pom.xml", "deploy/jvm.options", "app/src/A.java");
    }
}
