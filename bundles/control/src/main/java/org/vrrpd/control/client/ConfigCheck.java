package org.vrrpd.control.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/**
 * The configuration check, keepalived -t's counterpart: every {@code *.cfg} of a configuration
 * folder, read as FileInstall reads it, through the validators of the bundles that own its PID.
 * {@code main} is {@code bin/vrrpd --check} (validators from ServiceLoader, no framework);
 * {@code config:check} runs {@link #check} with the daemon's validator services.
 */
public final class ConfigCheck {
    /** PIDs under this prefix belong to vrrpd: one that no validator knows is a misspelt file name. */
    private static final String OURS = "org.vrrpd.";

    private ConfigCheck() {
    }

    /** {@code ConfigCheck DIR}: exit 0 when every file is good, 1 with one line per problem on stderr, 2 when DIR cannot be read. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ConfigCheck ETC_DIR");
            System.exit(2);
        }
        List<ConfigValidator> validators = new ArrayList<>();
        ServiceLoader.load(ConfigValidator.class, ConfigCheck.class.getClassLoader()).forEach(validators::add);
        try {
            Result result = check(Path.of(args[0]), validators);
            (result.problems().isEmpty() ? System.out : System.err).println(result.report());
            System.exit(result.problems().isEmpty() ? 0 : 1);
        } catch (IOException e) {
            System.err.println("vrrpd --check: cannot read " + args[0] + ": " + e);
            System.exit(2);
        }
    }

    /** What the check found: how many files it read and the problems in file order. */
    public record Result(int files, List<ConfigProblem> problems) {
        /** One line per problem, then a summary line. */
        public String report() {
            StringBuilder out = new StringBuilder();
            problems.forEach(p -> out.append(p).append('\n'));
            out.append(files).append(files == 1 ? " configuration file" : " configuration files").append(" checked, ")
                    .append(problems.isEmpty() ? "no problems" : problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            return out.toString();
        }
    }

    public static Result check(Path dir, Collection<ConfigValidator> validators) throws IOException {
        Map<String, ConfigValidator> byPid = new LinkedHashMap<>();
        validators.forEach(v -> byPid.putIfAbsent(v.pid(), v));
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, List<ConfigFile>> filesByPid = new LinkedHashMap<>();
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(p -> p.getFileName().toString().endsWith(".cfg") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path path : paths) {
            ConfigFile file;
            try {
                file = read(path);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new ConfigProblem(path.toString(), null, null, "unreadable: " + e.getMessage()));
                continue;
            }
            ConfigValidator validator = byPid.get(file.pid());
            if (validator == null) {
                if (file.pid().startsWith(OURS)) {
                    problems.add(new ConfigProblem(file.source(), null, null, "no vrrpd bundle reads the configuration PID " + file.pid()
                            + " (a misspelt file name?)"));
                }
                continue; // another bundle's configuration (the framework's, Karaf's): not ours to judge
            }
            problems.addAll(validator.check(file));
            filesByPid.computeIfAbsent(file.pid(), k -> new ArrayList<>()).add(file);
        }
        filesByPid.forEach((pid, files) -> problems.addAll(byPid.get(pid).checkTogether(files)));
        return new Result(paths.size(), problems);
    }

    /** FileInstall's naming: {@code PID.cfg}, or {@code FACTORYPID-NAME.cfg} for a factory configuration. */
    static ConfigFile read(Path path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
        String name = path.getFileName().toString();
        String pid = name.substring(0, name.length() - ".cfg".length());
        int dash = pid.indexOf('-');
        return new ConfigFile(path.toString(), dash > 0 ? pid.substring(0, dash) : pid, values);
    }
}
