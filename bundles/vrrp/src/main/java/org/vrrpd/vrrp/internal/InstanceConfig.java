package org.vrrpd.vrrp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One VRRP instance: a factory configuration {@code org.vrrpd.vrrp.instance}, e.g. the file
 * {@code etc/org.vrrpd.vrrp.instance-VI_1.cfg}. Values are validated by {@link InstanceSettings},
 * which names the key and value of anything it rejects.
 */
@ObjectClassDefinition(name = "VRRP instance",
        description = "A virtual router (RFC 3768 VRRPv2) protecting one or more IPv4 addresses on one interface.")
@interface InstanceConfig {
    @AttributeDefinition(description = "Instance name, unique in this daemon (keepalived's vrrp_instance NAME).")
    String name();

    @AttributeDefinition(description = "Interface the instance runs on (keepalived: interface).")
    String interfaceName();

    @AttributeDefinition(description = "Virtual router id 1..255 (keepalived: virtual_router_id).", min = "1", max = "255")
    int vrid();

    @AttributeDefinition(description = "Priority 1..255; 255 means this router owns the addresses.", min = "1", max = "255")
    int priority() default 100;

    @AttributeDefinition(description = "VRRP version: 2 (RFC 3768) or 3 (RFC 5798, no authentication) (keepalived: version).",
            options = {@Option(label = "2", value = "2"), @Option(label = "3", value = "3")})
    int version() default 2;

    @AttributeDefinition(description = "Advertisement interval in seconds: whole seconds 1..255 for version 2, 0.01..40.95 for "
            + "version 3 (keepalived: advert_int).")
    double advertInterval() default 1;

    @AttributeDefinition(description = "Virtual IPv4 addresses, ADDRESS[/PREFIX] (default /32) (keepalived: virtual_ipaddress).")
    String[] virtualAddresses();

    @AttributeDefinition(description = "Addresses held with the virtual ones but not advertised, IPv4 or IPv6, ADDRESS[/PREFIX] "
            + "(keepalived: virtual_ipaddress_excluded).", required = false)
    String[] excludedAddresses();

    @AttributeDefinition(description = "RFC-strict mode: no authentication, no unicast, no preempt delay, MASTER only for the owner, no "
            + "answer to a lower master; an advert listing other addresses is dropped unless its priority is 255 (keepalived: vrrp_strict).")
    boolean strict() default false;

    @AttributeDefinition(description = "Authentication: none, pass or ah (IPSEC-AH, HMAC-MD5-96) (keepalived: auth_type).",
            options = {@Option(label = "none", value = "none"), @Option(label = "pass", value = "pass"), @Option(label = "ah", value = "ah")})
    String authType() default "none";

    @AttributeDefinition(description = "Password for pass, key for ah; at most 8 bytes (keepalived: auth_pass).", required = false)
    String authPassword();

    @AttributeDefinition(description = "Take over from a lower-priority master (keepalived: nopreempt turns this off).")
    boolean preempt() default true;

    @AttributeDefinition(description = "Seconds after start-up or recovery before preempting, 0..1000, to the microsecond, e.g. 2.5 "
            + "(keepalived: preempt_delay).", min = "0", max = "1000")
    double preemptDelay() default 0;

    @AttributeDefinition(description = "BACKUP: listen a whole Master_Down_Interval before claiming mastership, as RFC 3768 says; "
            + "MASTER: listen only one advert interval plus skew, so that the preferred router takes over sooner (keepalived: state).",
            options = {@Option(label = "BACKUP", value = "BACKUP"), @Option(label = "MASTER", value = "MASTER")})
    String initialState() default "BACKUP";

    @AttributeDefinition(description = "Sync group: instances with the same name move together (keepalived: vrrp_sync_group).", required = false)
    String syncGroup();

    @AttributeDefinition(description = "Seconds until the second burst of gratuitous ARPs after becoming master (garp_master_delay); 0: none.",
            min = "0", max = "1000")
    int garpMasterDelay() default 5;

    @AttributeDefinition(description = "Gratuitous ARPs per address in each burst (garp_master_repeat).", min = "1", max = "100")
    int garpMasterRepeat() default 5;

    @AttributeDefinition(description = "Seconds between refresh bursts while master (garp_master_refresh); 0: off.", min = "0")
    int garpMasterRefresh() default 0;

    @AttributeDefinition(description = "Seconds after the engine's start before this instance starts, 0..3600, fractions allowed; "
            + "it waits in INITIALIZE (keepalived: global vrrp_startup_delay).", min = "0", max = "3600")
    double startupDelay() default 0;

    @AttributeDefinition(description = "Seconds between two gratuitous ARPs (IPv4) on an interface, 0..10, fractions allowed; 0: a burst leaves "
            + "back to back (keepalived: global vrrp_garp_interval).", min = "0", max = "10")
    double garpInterval() default 0;

    @AttributeDefinition(description = "Seconds between two unsolicited Neighbor Advertisements on an interface, 0..10, fractions allowed; "
            + "0: back to back (keepalived: global vrrp_gna_interval).", min = "0", max = "10")
    double gnaInterval() default 0;

    @AttributeDefinition(description = "Gratuitous ARPs per address in each refresh burst (garp_master_refresh_repeat).", min = "1", max = "100")
    int garpMasterRefreshRepeat() default 1;

    @AttributeDefinition(description = "Seconds the kernel keeps a master's virtual addresses unless this daemon renews them (it does "
            + "every fifth of it, at least 1 s apart), so that a daemon that dies or hangs loses them by itself; 0: forever, "
            + "as keepalived. Default: the shortest lease that outlasts any backup's Master_Down_Interval by a renewal "
            + "(5 s at advertInterval 1, 9 at 2); a dead router's copy is gone at most this + 1 s after it died.",
            min = "0", max = "86400", required = false)
    int vipLease();

    @AttributeDefinition(description = "Virtual MAC: true puts the addresses on a macvlan vrrp.VRID with the MAC 00:00:5e:00:01:VRID "
            + "(created and deleted by the daemon), or give the macvlan's name; false: the interface's own MAC (keepalived: use_vmac).",
            required = false)
    String useVmac() default "false";

    @AttributeDefinition(description = "With useVmac: send and receive adverts on the interface itself rather than on the macvlan "
            + "(keepalived: vmac_xmit_base).")
    boolean vmacXmitBase() default false;
}
