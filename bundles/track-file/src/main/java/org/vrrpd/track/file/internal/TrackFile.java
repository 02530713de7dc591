package org.vrrpd.track.file.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.Checker;
import org.vrrpd.api.spi.SharedStatusChecker;

/**
 * keepalived's track_file as a checker: the number in the file, times the weight
 * ({@link FileWeight}), moves the instances' priority or forces FAULT. The file is watched with
 * inotify (the JDK's WatchService on its directory) on this component's own thread, and re-read
 * {@link #SETTLE_MILLIS} ms after a change so that a write in several steps is read once it is whole;
 * it is also re-read every second in case an event was missed. A missing or empty file reads 0,
 * as in keepalived; a number out of range is logged and the last value kept.
 */
@Component(configurationPid = "org.vrrpd.track.file", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Checker.class, property = Checker.NAME + "=track-file")
@Designate(ocd = TrackFileConfig.class, factory = true)
public class TrackFile extends SharedStatusChecker {
    static final long SETTLE_MILLIS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(TrackFile.class);

    private TrackFileSettings settings;
    private WatchService watch;
    private Thread thread;
    private long value;
    private String lastInvalid;

    @Activate
    void activate(TrackFileConfig config) throws IOException {
        settings = TrackFileSettings.of(config);
        Path dir = settings.file().getParent();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("track-file " + settings.file() + ": file = " + settings.file()
                    + " rejected: its directory does not exist");
        }
        initialise();
        watch = dir.getFileSystem().newWatchService();
        dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        value = read().orElse(0);
        report(weighed());
        thread = new Thread(this::watchLoop, "vrrpd-track-file");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() throws IOException {
        watch.close(); // ends the loop
        thread.interrupt();
    }

    /** keepalived's init_file: the value is written unless the file exists (or overwrite is set). */
    private void initialise() {
        Path file = settings.file();
        if (settings.initValue() == null || (Files.exists(file) && !settings.initOverwrite())) {
            return;
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            LOG.warn("track-file {}: cannot initialise it: not a regular file", file);
            return;
        }
        try {
            Files.writeString(file, settings.initValue() + "\n");
        } catch (IOException e) {
            LOG.warn("track-file {}: cannot initialise it: {}", file, e.toString());
        }
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watch.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    Thread.sleep(SETTLE_MILLIS); // let a write in several steps finish
                    drain(key);
                }
                OptionalLong read = read();
                if (read.isPresent() && read.getAsLong() != value) {
                    value = read.getAsLong();
                    CheckStatus status = weighed();
                    LOG.info("track-file {} now holds {}: {}", settings.file(), value, describe(status));
                    report(status);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // deactivated
        }
    }

    private void drain(WatchKey key) {
        for (WatchKey k = key; k != null; k = watch.poll()) {
            k.pollEvents();
            k.reset();
        }
    }

    /** The file's number; 0 when it is missing or unreadable, empty when keepalived would ignore it. */
    private OptionalLong read() {
        byte[] head = new byte[FileValue.READ_LIMIT];
        int n = 0;
        try (InputStream in = Files.newInputStream(settings.file())) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            return OptionalLong.of(0); // keepalived: a file it cannot open reads 0
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        OptionalLong parsed = FileValue.parse(text);
        if (parsed.isEmpty() && !text.equals(lastInvalid)) {
            LOG.warn("track-file {}: invalid number '{}' ignored, {} kept", settings.file(), text.strip(), value);
        }
        lastInvalid = parsed.isEmpty() ? text : null; // said once per content, not every second
        return parsed;
    }

    /** The number read, weighed. */
    private CheckStatus weighed() {
        return settings.weight().status(value, settings.file() + " holds " + value);
    }

    private static String describe(CheckStatus s) {
        return s.fault() ? "FAULT" : (s.priorityDelta() >= 0 ? "+" : "") + s.priorityDelta();
    }
}
