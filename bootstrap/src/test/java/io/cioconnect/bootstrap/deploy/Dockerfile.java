package io.cioconnect.bootstrap.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read as Docker reads it, as far as running its build elsewhere needs: comment and directive lines
 * dropped, lines ending in {@code \} joined, each {@code FROM} starting a stage.
 */
record Dockerfile(List<Stage> stages) {

    /** One instruction: its keyword in upper case, the rest of its (joined) lines, and the line it starts on. */
    record Instruction(int line, String keyword, String arguments) {

        @Override
        public String toString() {
            return keyword + " " + arguments + " (Dockerfile line " + line + ")";
        }
    }

    /** A stage: its position, its name ({@code AS name}) if any, its base image, its instructions. */
    record Stage(int index, String name, String image, List<Instruction> instructions) {

        boolean isNamed(String reference) {
            return reference.equals(name) || reference.equals(Integer.toString(index));
        }

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
        }
    }

    static Dockerfile parse(String text) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        StringBuilder pending = new StringBuilder();
        int start = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue; // also inside a continued instruction, as Docker does
            }
            if (pending.length() == 0) {
                start = i + 1;
            }
            boolean continued = line.endsWith("\\");
            pending.append(continued ? line.substring(0, line.length() - 1) : line);
            if (continued) {
                continue;
            }
            String[] parts = pending.toString().strip().split("\\s+", 2);
            pending.setLength(0);
            Instruction instruction = new Instruction(start, parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                String[] from = instruction.arguments().replaceAll("--platform=\\S+\\s+", "").split("\\s+");
                current = new ArrayList<>();
                stages.add(new Stage(stages.size(), from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null,
                        from[0], current));
            } else if (current == null) {
                throw new IllegalArgumentException("the Dockerfile has " + instruction + " before any FROM");
            } else {
                current.add(instruction);
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    /** The last stage: the image the build produces. */
    Stage image() {
        return stages.get(stages.size() - 1);
    }

    Optional<Stage> stage(String reference) {
        return stages.stream().filter(stage -> stage.isNamed(reference)).findFirst();
    }
}
