package org.vrrpd.api.config;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component property type (the annotation a DS component's activate method takes) over one
 * configuration file's text values, so that a validator runs the bundle's own rules on exactly
 * what activate would get: names mapped as DS 1.4 maps them (112.8.2.2: {@code vrrp_instance} →
 * {@code vrrp.instance}, {@code notify$} → {@code notify}), absent keys taking the annotation's
 * defaults, text converted to the method's type. A value that does not convert throws
 * {@code KEY = VALUE rejected: WHY} when read.
 */
public final class ComponentProperties {
    private ComponentProperties() {
    }

    public static <A> A of(Class<A> type, Map<String, String> properties) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> type.getSimpleName() + properties;
                };
            }
            String key = key(method.getName());
            String text = properties.get(key);
            if (text != null) {
                return convert(key, text.trim(), method);
            }
            return method.getDefaultValue() != null ? method.getDefaultValue() : absent(method.getReturnType());
        });
        return type.cast(proxy);
    }

    /** DS 1.4 §112.8.2.2: "$$" → "$", a lone "$" dropped, "$_$" → "-", "__" → "_", "_" → ".". */
    static String key(String method) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (method.startsWith("$_$", i)) {
                key.append('-');
                i += 2;
            } else if (method.startsWith("$$", i)) {
                key.append('$');
                i++;
            } else if (c == '$') {
                continue;
            } else if (method.startsWith("__", i)) {
                key.append('_');
                i++;
            } else {
                key.append(c == '_' ? '.' : c);
            }
        }
        return key.toString();
    }

    /** DS's value for a key that is absent and has no default: null, or a primitive's zero. */
    private static Object absent(Class<?> type) {
        if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type == double.class) {
            return 0.0;
        } else if (type == boolean.class) {
            return false;
        }
        return null;
    }

    private static Object convert(String key, String text, Method method) {
        Class<?> to = method.getReturnType();
        try {
            if (to == String.class) {
                return text;
            } else if (to == String[].class) {
                return new String[] {text}; // a .cfg value is one string; DS makes it a one-element array
            } else if (to == int.class) {
                return Integer.parseInt(text);
            } else if (to == long.class) {
                return Long.parseLong(text);
            } else if (to == double.class) {
                return Double.parseDouble(text);
            } else if (to == boolean.class) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(key + " = " + text + " rejected: must be true or false");
                }
                return Boolean.parseBoolean(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = " + text + " rejected: not " + (to == double.class ? "a number" : "a whole number"));
        }
        throw new UnsupportedOperationException(method + ": no conversion to " + to);
    }
}
