package org.vrrpd.notify.fifo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * keepalived's notify_fifo / vrrp_notify_fifo (and notify_fifo_script): a factory configuration
 * {@code org.vrrpd.notify.fifo}, e.g. {@code etc/org.vrrpd.notify.fifo-global.cfg}.
 */
@ObjectClassDefinition(name = "Notify FIFO", description = "keepalived's notify_fifo: one line per state change written into a named pipe.")
@interface NotifyFifoConfig {
    @AttributeDefinition(name = "vrrp.instance", description = "Instances whose changes are written (names), or * (keepalived's global FIFO).")
    String[] vrrp_instance() default {"*"};

    @AttributeDefinition(description = "The FIFO's absolute path, created (mode 0644) unless it exists and removed when it was created "
            + "(keepalived: notify_fifo FIFO_NAME).")
    String fifo();

    @AttributeDefinition(description = "A command line started to read the FIFO, its path appended as the last argument, and terminated "
            + "when the FIFO is closed (keepalived: notify_fifo_script).", required = false)
    String script();

    @AttributeDefinition(description = "User the script runs as (keepalived: notify_fifo_script SCRIPT USER); empty: the daemon's own.", required = false)
    String user();

    @AttributeDefinition(description = "Group for 'user'; empty: the user's primary group.", required = false)
    String group();

    @AttributeDefinition(description = "Sync groups for keepalived's GROUP lines, e.g. 'G1: VI_A VI_B, G2: VI_C VI_D' (the importer writes "
            + "its vrrp_sync_groups here).", required = false)
    String syncGroups();

    @AttributeDefinition(description = "Instances whose effective priority changes are written, as MASTER_PRIORITY or BACKUP_PRIORITY "
            + "lines (names, or *; keepalived: notify_priority_changes, per instance, sync group or global_defs); default none.",
            required = false)
    String[] priorityChanges() default {};
}
