package io.cioconnect.bootstrap.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} applied as Docker applies it: patterns relative to the context root (a leading or
 * trailing {@code /} changes nothing), {@code *} and {@code ?} within one path element, {@code **} across any
 * number, {@code !} lets back in, the last matching line wins, and a pattern that matches a directory leaves out
 * everything in it.
 */
final class DockerIgnore {

    private record Rule(String text, Pattern pattern, boolean exclude) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            boolean exclude = !trimmed.startsWith("!");
            String pattern = clean(exclude ? trimmed : trimmed.substring(1).strip());
            rules.add(new Rule(pattern, Pattern.compile(regex(pattern)), exclude));
        }
        return new DockerIgnore(rules);
    }

    /** These rules and one more line after them (a test's way to take something out of the context). */
    DockerIgnore and(String line) {
        List<Rule> more = new ArrayList<>(rules);
        more.addAll(parse(line).rules);
        return new DockerIgnore(more);
    }

    /** True when the context leaves out {@code path}: relative to the context root, '/'-separated. */
    boolean excludes(String path) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItselfOrAParent(rule.pattern(), path)) {
                excluded = rule.exclude();
            }
        }
        return excluded;
    }

    /** Every file of the context under {@code root}, as paths relative to it. */
    List<Path> files(Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String path = relative(root, dir);
                    return !path.isEmpty() && excludes(path) && !mayLetBackInUnder(path)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!excludes(relative(root, file))) {
                        files.add(root.relativize(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** True when an exception ({@code !}) line could name something inside the excluded directory {@code dir}. */
    private boolean mayLetBackInUnder(String dir) {
        return rules.stream().filter(rule -> !rule.exclude()).anyMatch(rule -> {
            String literal = rule.text().split("[*?\\[]", 2)[0];
            return literal.startsWith(dir + "/") || (dir + "/").startsWith(literal);
        });
    }

    private static boolean matchesItselfOrAParent(Pattern pattern, String path) {
        for (int end = path.length(); end > 0; end = path.lastIndexOf('/', end - 1)) {
            if (pattern.matcher(path.substring(0, end)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static String clean(String pattern) {
        String cleaned = pattern.replaceAll("/+", "/").replaceAll("^(\\./)+", "").replaceAll("^/|/$", "");
        return cleaned.isEmpty() ? "." : cleaned;
    }

    /** Go's filepath.Match syntax, plus {@code **}, as a regular expression over '/'-separated paths. */
    private static String regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                boolean slash = i + 2 < pattern.length() && pattern.charAt(i + 2) == '/';
                regex.append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[' && pattern.indexOf(']', i + 1) > i + 1) {
                int close = pattern.indexOf(']', i + 1);
                String set = pattern.substring(i + 1, close);
                boolean negated = set.startsWith("^") || set.startsWith("!");
                regex.append('[').append(negated ? "^" + set.substring(1) : set).append(']');
                i = close;
            } else if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
