package org.vrrpd.notify.script.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * keepalived's notify scripts for some instances: a factory configuration
 * {@code org.vrrpd.notify.script}, e.g. {@code etc/org.vrrpd.notify.script-VI_1.cfg}. Each script
 * is a command line (words split on blanks, quotes group), run without a shell.
 */
@ObjectClassDefinition(name = "Notify scripts", description = "keepalived's notify, notify_master, notify_backup, notify_fault, notify_stop and notify_master_rx_lower_pri.")
@interface NotifyScriptConfig {
    @AttributeDefinition(name = "vrrp.instance", description = "Instances whose changes run the scripts (names), or *.")
    String[] vrrp_instance() default {"*"};

    /** The key is {@code notify}: DS drops a single '$', and Object already has a notify(). */
    @AttributeDefinition(description = "Run on every change with the arguments INSTANCE name state priority appended (keepalived: notify).", required = false)
    String notify$();

    @AttributeDefinition(description = "Run on becoming MASTER (notify_master).", required = false)
    String notifyMaster();

    @AttributeDefinition(description = "Run on becoming BACKUP (notify_backup).", required = false)
    String notifyBackup();

    @AttributeDefinition(description = "Run on entering FAULT (notify_fault).", required = false)
    String notifyFault();

    @AttributeDefinition(description = "Run when the instance stops (notify_stop).", required = false)
    String notifyStop();

    @AttributeDefinition(description = "Run, without arguments, each time the instance as master receives a lower-priority advert "
            + "(notify_master_rx_lower_pri): another router has become master too, e.g. to take back addresses it claimed.", required = false)
    String notifyMasterRxLowerPri();

    @AttributeDefinition(description = "User the scripts run as (keepalived: notify_* SCRIPT USER); empty: the daemon's own. Needs root, "
            + "or CAP_SETUID and CAP_SETGID in the daemon's ambient set.", required = false)
    String user();

    @AttributeDefinition(description = "Group for 'user' (keepalived: notify_* SCRIPT USER GROUP); empty: the user's primary group.", required = false)
    String group();

    @AttributeDefinition(description = "A sync group's scripts (keepalived: notify* in vrrp_sync_group): vrrp.instance lists its members, "
            + "and the scripts run when the group's state changes, notify with GROUP name state 0.", required = false)
    String syncGroup();

    @AttributeDefinition(description = "Seconds a script may run before it is killed, 1..3600.", min = "1", max = "3600")
    int timeout() default 30;
}
