package org.vrrpd.mii.internal;

/**
 * The MII Basic Mode Status Register (register 1, IEEE 802.3 clause 22.2.4.2). Its link-status bit
 * latches low: after a drop it reads 0 once even if the link is back, so a monitor that wants the
 * present state reads the register twice and trusts the second value, as Linux's mii_link_ok does.
 */
final class Bmsr {
    static final int REGISTER = 1;
    static final int LINK_STATUS = 0x0004;
    static final int AUTONEG_COMPLETE = 0x0020;
    static final int REMOTE_FAULT = 0x0010;

    private Bmsr() {
    }

    static boolean linkUp(int bmsr) {
        return (bmsr & LINK_STATUS) != 0;
    }

    /** A short reading for operators, e.g. "link up, autoneg complete". */
    static String describe(int bmsr) {
        StringBuilder out = new StringBuilder(linkUp(bmsr) ? "link up" : "link down");
        if ((bmsr & AUTONEG_COMPLETE) != 0) {
            out.append(", autoneg complete");
        }
        if ((bmsr & REMOTE_FAULT) != 0) {
            out.append(", remote fault");
        }
        return out.toString();
    }
}
