package io.vigil.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The property names a service's {@code @ConfigMapping} interfaces define, read from its sources:
 * prefix + each method's name in kebab case, nested interfaces as groups ({@code vigil.ingest.reconnect.max-delay}).
 * Mapping features the services do not use ({@code @WithParentName}, maps of groups) are refused, not guessed.
 */
final class ConfigMappingNames {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    /** A member without parameters: annotations, a return type, a name, {@code ()}, {@code ;}. */
    private static final Pattern METHOD = Pattern.compile("((?:@\\w+(?:\\([^)]*\\))?\\s*)*)([\\w.]+(?:\\s*<[^;()]*>)?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");

    private ConfigMappingNames() {
    }

    static Set<String> of(Path sourceRoot) {
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String source = stripComments(Files.readString(file));
                Matcher mapping = MAPPING.matcher(source);
                if (mapping.find()) {
                    names.addAll(of(source, mapping.group(1), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static Set<String> of(String source, String prefix, Object where) {
        if (source.contains("@WithParentName") || source.contains("@WithUnnamedKey")) {
            throw new IllegalArgumentException(where + ": @WithParentName/@WithUnnamedKey are not understood by this check");
        }
        Map<String, String> bodies = new HashMap<>();
        Matcher m = INTERFACE.matcher(source);
        String top = null;
        while (m.find()) {
            String body = body(source, m.end() - 1);
            bodies.put(m.group(1), body);
            if (top == null) {
                top = m.group(1);
            }
        }
        if (top == null) {
            throw new IllegalArgumentException(where + ": @ConfigMapping on something that is not an interface");
        }
        Set<String> names = new LinkedHashSet<>();
        collect(bodies, top, prefix, names, where);
        return names;
    }

    private static void collect(Map<String, String> bodies, String iface, String prefix, Set<String> names, Object where) {
        String body = ownMembers(bodies.get(iface));
        Matcher m = METHOD.matcher(body);
        while (m.find()) {
            String annotations = m.group(1);
            String type = m.group(2).replaceAll("\\s", "");
            Matcher withName = WITH_NAME.matcher(annotations);
            String name = prefix + "." + (withName.find() ? withName.group(1) : kebab(m.group(3)));
            String element = type.replaceFirst("^(Optional|java\\.util\\.Optional)<(.*)>$", "$2");
            if (bodies.containsKey(element)) {
                collect(bodies, element, name, names, where);
            } else if (element.startsWith("Map<") && bodies.keySet().stream().anyMatch(element::contains)) {
                throw new IllegalArgumentException(where + ": a map of groups (" + name + ") is not understood by this check");
            } else {
                names.add(name);
            }
        }
    }

    /** The body of an interface without the bodies of the interfaces nested in it. */
    private static String ownMembers(String body) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    out.append(';');
                }
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String body(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            if (source.charAt(i) == '{') {
                depth++;
            } else if (source.charAt(i) == '}' && --depth == 0) {
                return source.substring(open + 1, i);
            }
        }
        throw new IllegalArgumentException("unbalanced braces");
    }

    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    static List<String> list(Set<String> names) {
        return new ArrayList<>(names);
    }
}
