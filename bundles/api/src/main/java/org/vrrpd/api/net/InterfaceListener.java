package org.vrrpd.api.net;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told of every change the registry applies. Calls come from the registry's
 * own thread, one at a time, in kernel order: return quickly.
 */
@ConsumerType
public interface InterfaceListener {
    void interfaceChanged(InterfaceEvent event);
}
