package org.vrrpd.api.config;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a configuration, as {@code bin/vrrpd --check} prints it.
 *
 * @param source the file (see {@link ConfigFile#source()})
 * @param key the key at fault, or null when the file as a whole is
 * @param value the value refused ("(missing)" for a required key that is absent), or null with no key
 * @param reason why, in the words the daemon would log
 */
public record ConfigProblem(String source, String key, String value, String reason) {
    /** The bundles' refusals read "[WHO: ]KEY = VALUE rejected: WHY". */
    private static final Pattern REJECTION = Pattern.compile("(?s)(?:.*?: )?(\\S+) = (.*?) rejected: (.*)");

    /** The problem a bundle's refusal {@code message} describes, by key and value when it names them. */
    public static ConfigProblem fromRejection(String source, String message) {
        Matcher m = REJECTION.matcher(message);
        return m.matches() ? new ConfigProblem(source, m.group(1), m.group(2), m.group(3)) : new ConfigProblem(source, null, null, message);
    }

    /**
     * The problems of {@code file} under a bundle's {@code rules}, which refuse by throwing
     * IllegalArgumentException: none when they accept it, else that one refusal.
     */
    public static List<ConfigProblem> underRules(ConfigFile file, Runnable rules) {
        try {
            rules.run();
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(fromRejection(file.source(), e.getMessage()));
        }
    }

    /** {@code SOURCE: KEY = VALUE: REASON}, or {@code SOURCE: REASON}. */
    @Override
    public String toString() {
        return source + ": " + (key == null ? "" : key + " = " + value + ": ") + reason;
    }
}
