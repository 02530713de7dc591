package org.vrrpd.prometheus.internal;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.spi.Notifier;
import org.vrrpd.api.vrrp.SplitBrainReport;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpInstances;

/**
 * The Prometheus exporter: there only while {@code etc/org.vrrpd.prometheus.cfg} exists, serving
 * the metrics over HTTP when it gives a port and writing them to a textfile when it gives one. It is
 * a Notifier to count transitions and follow split brains, which the views do not hold. A bad value,
 * a port in use or an address not on this host is logged naming key and value; nothing else stops.
 */
@Component(immediate = true, configurationPid = PrometheusExporter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Notifier.class)
@Designate(ocd = PrometheusExporter.Config.class)
public class PrometheusExporter implements Notifier {
    static final String PID = "org.vrrpd.prometheus";
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusExporter.class);

    @ObjectClassDefinition(name = "vrrpd Prometheus metrics",
            description = "Serves every instance's state and counters in the Prometheus text format, over HTTP and/or as a textfile.")
    @interface Config {
        @AttributeDefinition(description = "Address to listen on, an IPv4 or IPv6 literal (0.0.0.0 or :: for all).")
        String address() default "127.0.0.1";

        @AttributeDefinition(description = "TCP port of the HTTP endpoint (/metrics), 1..65535; 0: no HTTP server.")
        int port() default 0;

        @AttributeDefinition(description = "Absolute path of a *.prom file for node_exporter's textfile collector; empty: none.")
        String textfile() default "";

        @AttributeDefinition(description = "Seconds between two writes of the textfile, 1..3600.")
        double textfileInterval() default 15;
    }

    private final TransitionLog log = new TransitionLog();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private volatile VrrpInstances engine;
    private MetricsServer server;
    private TextfileWriter textfile;

    public PrometheusExporter() {
        registry.register(new VrrpCollector(() -> engine, log));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setEngine(VrrpInstances instances) {
        engine = instances;
    }

    void unsetEngine(VrrpInstances instances) {
        if (engine == instances) {
            engine = null;
        }
    }

    @Activate
    @Modified
    synchronized void configure(Config config) {
        stopOutputs();
        ExporterSettings settings;
        try {
            settings = ExporterSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: {}; exporting nothing until it is corrected", PID, e.getMessage());
            return;
        }
        if (!settings.http() && settings.textfile() == null) {
            LOG.warn("{}: neither port nor textfile is set: exporting nothing", PID);
            return;
        }
        if (settings.http()) {
            try {
                server = MetricsServer.start(registry, settings.address(), settings.port());
                LOG.info("Prometheus metrics on http://{}/metrics", server.endpoint());
            } catch (IllegalArgumentException e) {
                LOG.error("{}: {}; no HTTP server", PID, e.getMessage());
            }
        }
        if (settings.textfile() != null) {
            textfile = new TextfileWriter(registry, settings.textfile(), settings.textfileInterval());
            LOG.info("Prometheus metrics written to {} every {} s", settings.textfile(), settings.textfileInterval().toMillis() / 1000.0);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        stopOutputs();
    }

    private void stopOutputs() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (textfile != null) {
            textfile.close();
            textfile = null;
        }
    }

    @Override
    public void stateChanged(StateChange change) {
        log.stateChanged(change);
    }

    @Override
    public void splitBrain(SplitBrainReport report) {
        log.splitBrain(report);
    }
}
