package io.cioconnect.bootstrap.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the YAML files of the repository (every document of a multi-document file). */
final class Yaml {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    static List<JsonNode> documents(String relativePath) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            MAPPER.readerFor(JsonNode.class).readValues(Repository.read(relativePath)).forEachRemaining(node -> {
                if (node != null && !((JsonNode) node).isMissingNode()) {
                    documents.add((JsonNode) node);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(relativePath + " is not valid YAML", e);
        }
    }

    static JsonNode document(String relativePath) {
        List<JsonNode> documents = documents(relativePath);
        if (documents.size() != 1) {
            throw new IllegalStateException(relativePath + " should hold one YAML document, holds " + documents.size());
        }
        return documents.get(0);
    }
}
