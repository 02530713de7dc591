package org.vrrpd.track.file.internal;

import java.nio.file.Path;

/**
 * A track file's configuration, checked; free of OSGi so that {@code bin/vrrpd --check} runs it.
 *
 * @param initValue the value init_file writes, or null without init_file
 */
record TrackFileSettings(Path file, FileWeight weight, Integer initValue, boolean initOverwrite) {
    /** @throws IllegalArgumentException {@code track-file FILE: KEY = VALUE rejected: WHY} */
    static TrackFileSettings of(TrackFileConfig config) {
        String file = config.file();
        try {
            if (file == null || file.isBlank()) {
                throw new IllegalArgumentException("file = (missing) rejected: required (the file holding the number)");
            }
            Path path = Path.of(file);
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("file = " + file + " rejected: must be an absolute path");
            }
            if (config.initFile() && (config.initValue() < -254 || config.initValue() > 254)) {
                // keepalived only warns here; a value it would write is one it reads back, so refuse it plainly
                throw new IllegalArgumentException("initValue = " + config.initValue() + " rejected: must be -254..254");
            }
            return new TrackFileSettings(path, new FileWeight(config.weight(), config.reverse()),
                    config.initFile() ? config.initValue() : null, config.initOverwrite());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("track-file " + file + ": " + e.getMessage(), e);
        }
    }
}
