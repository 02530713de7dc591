package org.vrrpd.control.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Gogo {@code vrrpd:commands}, what {@code vrrpctl --help} prints: every command that vrrpd's own
 * bundles register, with its description and its parameters' descriptions. The classes are read,
 * not the services fetched, so that listing never activates a component (and whatever it probes).
 */
@Component(service = CommandCatalog.class, property = {"osgi.command.scope=vrrpd", "osgi.command.function=commands"})
public class CommandCatalog {
    static final String SCOPE = "osgi.command.scope";
    static final String FUNCTION = "osgi.command.function";
    private static final String OUR_BUNDLES = "org.vrrpd.";

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
    }

    @Descriptor("lists vrrpd's commands with what they do and what their parameters are")
    public String commands() throws InvalidSyntaxException {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> command : describeAll().entrySet()) {
            out.append(command.getKey()).append('\n');
            command.getValue().forEach(line -> out.append("    ").append(line).append('\n'));
        }
        return out.toString().stripTrailing();
    }

    /** Command name → its description lines: one per method of that name, then one per parameter. */
    Map<String, List<String>> describeAll() throws InvalidSyntaxException {
        Map<String, List<String>> commands = new TreeMap<>();
        for (ServiceReference<?> ref : context.getServiceReferences((String) null, "(" + SCOPE + "=*)")) {
            if (!ref.getBundle().getSymbolicName().startsWith(OUR_BUNDLES)) {
                continue;
            }
            Class<?> type = serviceClass(ref);
            for (String function : values(ref.getProperty(FUNCTION))) {
                commands.put(ref.getProperty(SCOPE) + ":" + function, describe(type, function));
            }
        }
        return commands;
    }

    private static Class<?> serviceClass(ServiceReference<?> ref) {
        String name = ((String[]) ref.getProperty(Constants.OBJECTCLASS))[0];
        try {
            return ref.getBundle().loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("command class " + name + " not loadable from " + ref.getBundle(), e);
        }
    }

    static List<String> describe(Class<?> type, String function) {
        List<String> lines = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (!method.getName().equals(function) || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            lines.add(text(method.getAnnotation(Descriptor.class), "(no description)"));
            for (Parameter parameter : method.getParameters()) {
                lines.add("  " + parameter.getType().getSimpleName() + ": "
                        + text(parameter.getAnnotation(Descriptor.class), "(no description)"));
            }
        }
        return lines;
    }

    private static String text(Descriptor descriptor, String otherwise) {
        return descriptor == null ? otherwise : descriptor.value();
    }

    private static List<String> values(Object property) {
        return property instanceof String[] array ? List.of(array) : List.of(String.valueOf(property));
    }
}
