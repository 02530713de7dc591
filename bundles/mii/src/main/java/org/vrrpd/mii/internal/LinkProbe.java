package org.vrrpd.mii.internal;

import org.vrrpd.kernel.IoctlSocket;
import org.vrrpd.kernel.NativeException;

/** Reads a link's state from the driver: the two polled sources. */
interface LinkProbe {
    /** The present BMSR (read twice, see {@link Bmsr}); fails when the driver gives no MII access. */
    int miiStatus(String interfaceName) throws NativeException;

    /** ETHTOOL_GLINK; fails when the driver has no get_link. */
    boolean ethtoolLink(String interfaceName) throws NativeException;

    /** The probe over a real ioctl socket; used from one thread only, like the socket. */
    static LinkProbe of(IoctlSocket socket) {
        return new LinkProbe() {
            @Override
            public int miiStatus(String name) throws NativeException {
                int phy = socket.miiPhyId(name);
                socket.miiReadRegister(name, phy, Bmsr.REGISTER); // clears a latched-low link bit
                return socket.miiReadRegister(name, phy, Bmsr.REGISTER);
            }

            @Override
            public boolean ethtoolLink(String name) throws NativeException {
                return socket.ethtoolLink(name);
            }
        };
    }
}
