package org.vrrpd.snmp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.vrrpd.snmp} ({@code etc/org.vrrpd.snmp.cfg}): without it the bundle does nothing. */
@ObjectClassDefinition(name = "SNMP (AgentX subagent)", description = "Serves the RFC 2787 VRRP-MIB to net-snmp's snmpd through AgentX.")
@interface SnmpConfig {
    @AttributeDefinition(description = "The master agent's AgentX socket: a path (unix:PATH also) or tcp:HOST:PORT "
            + "(keepalived: snmp_socket; snmpd: agentXSocket).")
    String socket() default SnmpSettings.DEFAULT_SOCKET;

    @AttributeDefinition(description = "Seconds between attempts to reach the master agent (1..3600).", min = "1", max = "3600")
    int reconnectInterval() default 5;

    @AttributeDefinition(description = "Send vrrpTrapNewMaster through the master agent (keepalived: enable_traps); "
            + "vrrpNotificationCntl reads enabled(1) or disabled(2).")
    boolean traps() default false;
}
