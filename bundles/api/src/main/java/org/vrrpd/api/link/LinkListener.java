package org.vrrpd.api.link;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard service told when an interface's link goes up or down. */
@ConsumerType
public interface LinkListener {
    /** @param before the previous status, null for a newly monitored interface */
    void linkChanged(LinkStatus before, LinkStatus after);
}
