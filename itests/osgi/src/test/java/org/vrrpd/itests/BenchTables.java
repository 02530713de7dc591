package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The benchmark commands' tables: a row per figure, a column per implementation (ours, then keepalived), kept in target/bench. */
final class BenchTables {
    private BenchTables() {
    }

    /** Header and rows of {@code results} (implementation → figure → value); {@code bound} adds the RFC's column (null: none). */
    static String rows(Map<String, Map<String, String>> results, UnaryOperator<String> bound) {
        StringBuilder table = new StringBuilder("| figure |").append(bound == null ? "" : " RFC |");
        results.keySet().forEach(implementation -> table.append(' ').append(implementation).append(" |"));
        table.append("\n|---|").append(bound == null ? "" : "---|").append("---|".repeat(results.size())).append('\n');
        for (String figure : results.values().iterator().next().keySet()) {
            table.append("| ").append(figure).append(bound == null ? "" : " | " + bound.apply(figure));
            for (Map<String, String> implementation : results.values()) {
                table.append(" | ").append(implementation.getOrDefault(figure, "-"));
            }
            table.append(" |\n");
        }
        return table.toString();
    }

    /** Prints {@code table} and writes it to target/bench/{@code file}. */
    static void publish(String file, String table) throws IOException {
        System.out.println(table);
        Path out = Files.createDirectories(Path.of(System.getProperty("vrrpd.dist.home")).resolve("../../bench"));
        Files.writeString(out.resolve(file), table);
    }
}
