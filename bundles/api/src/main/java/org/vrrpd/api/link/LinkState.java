package org.vrrpd.api.link;

/** Carrier state of a link. */
public enum LinkState { UP, DOWN, UNKNOWN }
