package org.vrrpd.track.iface.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.vrrpd.api.link.LinkListener;
import org.vrrpd.api.link.LinkMonitor;
import org.vrrpd.api.link.LinkState;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.Checker;
import org.vrrpd.api.spi.CheckerContext;
import org.vrrpd.api.spi.TrackingWeight;

/**
 * keepalived's track_interface as a third-party-style checker: the interface is OK while its link
 * is up (as the link monitor reports it; an interface unknown to it is down), and its weight moves
 * the instances' priority as keepalived's does ({@link TrackingWeight}: a positive weight while up,
 * a negative one while down, FAULT while down with weight 0). Link changes arrive as a
 * {@link LinkListener}; the monitor is fetched only when needed, never during activation.
 */
@Component(configurationPid = "org.vrrpd.track.interface", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {Checker.class, LinkListener.class}, property = Checker.NAME + "=track-interface")
@Designate(ocd = TrackInterfaceConfig.class, factory = true)
public class TrackInterface implements Checker, LinkListener {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<LinkMonitor> monitor;

    private final List<CheckerContext> contexts = new CopyOnWriteArrayList<>();
    private String interfaceName;
    private TrackingWeight weight;

    @Activate
    void activate(TrackInterfaceConfig config) {
        weight = TrackInterfaceValidator.weight(config);
        interfaceName = config.interfaceName();
    }

    @Override
    public void start(CheckerContext context) {
        contexts.add(context);
        context.report(status(currentLink()));
    }

    @Override
    public void stop(CheckerContext context) {
        contexts.remove(context);
    }

    @Override
    public void linkChanged(LinkStatus before, LinkStatus after) {
        if (after.interfaceName().equals(interfaceName)) {
            CheckStatus status = status(Optional.of(after));
            contexts.forEach(c -> c.report(status));
        }
    }

    private Optional<LinkStatus> currentLink() {
        ComponentServiceObjects<LinkMonitor> objects = monitor;
        LinkMonitor m = objects == null ? null : objects.getService();
        if (m == null) {
            return Optional.empty();
        }
        try {
            return m.status(interfaceName);
        } finally {
            objects.ungetService(m);
        }
    }

    CheckStatus status(Optional<LinkStatus> link) {
        if (link.isPresent() && link.get().state() == LinkState.UP) {
            return weight.status(true, interfaceName + " is UP");
        }
        return weight.status(false, link.map(l -> interfaceName + " is " + l.state() + " (" + l.source() + ")")
                .orElse(interfaceName + " is not known to the link monitor"));
    }
}
