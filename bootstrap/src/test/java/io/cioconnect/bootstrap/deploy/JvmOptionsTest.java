package io.cioconnect.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * deploy/jvm.options is the one place of the production JVM options: every launch (the Dockerfile, Jib, the
 * systemd unit, the documented java -jar line and bench/run.sh) reads it as an argument file, and none adds
 * options of its own, so tuning the file tunes all of them.
 */
class JvmOptionsTest {

    @Test
    void theFileHoldsOnlyOptions() {
        List<String> options = Arrays.stream(Repository.read("deploy/jvm.options").split("\n"))
                .map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();

        assertThat(options).isNotEmpty().allSatisfy(option -> assertThat(option).matches("-\\S+"));
    }

    @Test
    void theDockerImageRunsWithTheFileAndNoOtherOption() throws Exception {
        Dockerfile.Stage image = Dockerfile.parse(Repository.read("Dockerfile")).image();
        List<String> entrypoint = List.of(new ObjectMapper().readValue(image.all("ENTRYPOINT").get(0).arguments(), String[].class));

        assertThat(image.all("COPY")).extracting(Dockerfile.Instruction::arguments).contains("deploy/jvm.options /app/jvm.options");
        assertThat(entrypoint.subList(0, 3)).containsExactly("java", "@/app/jvm.options", "-cp");
        assertThat(entrypoint).hasSize(5);
        assertThat(image.all("ENV")).noneMatch(env -> env.arguments().contains("JAVA_TOOL_OPTIONS")
                || env.arguments().contains("JDK_JAVA_OPTIONS"));
    }

    /** An AppCDS archive holds only for the class path it was made with: the image makes it with its own launch's. */
    @Test
    void theDockerImageBuildsTheClassArchiveTheFileNamesForItsOwnLaunch() throws Exception {
        Dockerfile.Stage image = Dockerfile.parse(Repository.read("Dockerfile")).image();
        List<String> entrypoint = List.of(new ObjectMapper().readValue(image.all("ENTRYPOINT").get(0).arguments(), String[].class));

        assertThat(Repository.read("deploy/jvm.options")).containsPattern("(?m)^-XX:SharedArchiveFile=cio-connect.jsa$");
        assertThat(image.all("WORKDIR")).extracting(Dockerfile.Instruction::arguments).containsExactly("/app");
        assertThat(image.all("RUN")).extracting(Dockerfile.Instruction::arguments).anyMatch(run -> run.startsWith(
                "./class-archive.sh /app/jvm.options -cp \"" + entrypoint.get(3) + "\" " + entrypoint.get(4)));
        assertThat(entrypoint.get(3)).as("a class path of jars only").doesNotContain("classes");
    }

    @Test
    void theJibImageRunsWithTheFileAndNoOtherOption() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Repository.read("bootstrap/pom.xml").getBytes(StandardCharsets.UTF_8)));

        assertThat(texts(pom, "jvmFlag")).containsExactly("@/app/jvm.options");
        assertThat(texts(pom, "from")).contains("${project.basedir}/../deploy");
        assertThat(texts(pom, "includes")).contains("jvm.options");
        assertThat(texts(pom, "user")).containsExactly(Dockerfile.parse(Repository.read("Dockerfile")).image().all("USER")
                .get(0).arguments());
    }

    @Test
    void theSystemdUnitRunsWithTheFileAndNoOtherOption() {
        assertThat(Repository.read("deploy/systemd/cio-connect.service")).containsPattern("(?m)^ExecStart=/usr/bin/java "
                + "@/opt/cio-connect/jvm.options -jar /opt/cio-connect/cio-connect.jar serve$");
    }

    @Test
    void theDocumentedLaunchesRunWithTheFile() {
        String docs = Repository.read("docs/operations.md");

        assertThat(docs).contains("java @deploy/jvm.options -jar bootstrap/target/cio-connect.jar serve")
                .contains("cp deploy/jvm.options /opt/cio-connect/jvm.options");
        assertThat(docs).as("a java launch of serve without the options file")
                .doesNotContainPattern("java (?!@)[^\\n]*cio-connect\\.jar serve");
    }

    @Test
    void theBenchmarkRunsTheServiceWithTheFile() {
        assertThat(Repository.read("bench/run.sh"))
                .contains("BENCH_SERVICE_JAVA_OPTS=\"${BENCH_SERVICE_JAVA_OPTS-@$PWD/deploy/jvm.options}\"");
    }

    @Test
    void noDeploymentSetsJvmOptionsOfItsOwn() {
        for (String file : List.of("docker-compose.yml", "deploy/kubernetes/deployment.yaml", "deploy/kubernetes/configmap.yaml",
                "deploy/systemd/cio-connect.service", "deploy/systemd/cio-connect.env")) {
            assertThat(Repository.read(file)).as(file).doesNotContain("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "-XX:", "-Xmx");
        }
        assertThat(Yaml.document("deploy/kubernetes/deployment.yaml").at("/spec/template/spec/containers/0/command").isMissingNode())
                .as("the container keeps the image's java command").isTrue();
    }

    private static List<String> texts(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }
}
