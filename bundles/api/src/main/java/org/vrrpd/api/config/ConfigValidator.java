package org.vrrpd.api.config;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks the configurations of one PID with the rules its bundle applies, without applying them.
 * Implementations touch neither the network nor the kernel, need no framework (the offline check
 * finds them with {@link java.util.ServiceLoader}, a no-argument constructor and
 * {@code META-INF/services}), and are registered as services for {@code config:check}.
 */
@ConsumerType
public interface ConfigValidator {
    /** The PID, or factory PID, this validator checks. */
    String pid();

    /** What is wrong with one file; empty when the bundle would take it as it is. */
    List<ConfigProblem> check(ConfigFile file);

    /** What is wrong across all of this PID's files (e.g. one name in two), beyond each file's own problems. */
    default List<ConfigProblem> checkTogether(List<ConfigFile> files) {
        return List.of();
    }
}
