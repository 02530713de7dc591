package org.vrrpd.track.file.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * keepalived's track_file (vrrp_track_file) and an instance's track_file entry: a factory
 * configuration {@code org.vrrpd.track.file}, e.g. {@code etc/org.vrrpd.track.file-VI_1-load.cfg}.
 */
@ObjectClassDefinition(name = "Track file", description = "keepalived's track_file: a number in a file, times a weight, moves instances' priority.")
@interface TrackFileConfig {
    @AttributeDefinition(name = "vrrp.instance", description = "Instances to adjust (names), or *.")
    String[] vrrp_instance();

    @AttributeDefinition(description = "The file holding the number (keepalived: file). Its directory must exist.")
    String file();

    @AttributeDefinition(description = "-254..254 (keepalived: weight, default 1): the number read times the weight is added to the "
            + "priority; a result of -254 or less forces FAULT. 0: FAULT while the number is not 0.")
    int weight() default 1;

    @AttributeDefinition(description = "keepalived's 'weight W reverse': the result is subtracted instead (0: FAULT while the number is 0).")
    boolean reverse() default false;

    @AttributeDefinition(description = "keepalived's init_file: write initValue to the file at start if it does not exist.")
    boolean initFile() default false;

    @AttributeDefinition(description = "The value init_file writes (keepalived: init_file VALUE, default 0).")
    int initValue() default 0;

    @AttributeDefinition(description = "keepalived's init_file ... overwrite: write initValue even over an existing file.")
    boolean initOverwrite() default false;
}
