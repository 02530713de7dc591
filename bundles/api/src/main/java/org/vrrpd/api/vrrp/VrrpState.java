package org.vrrpd.api.vrrp;

/** The states of a VRRP instance: RFC 3768 §6.4 plus keepalived's Fault. */
public enum VrrpState { INITIALIZE, BACKUP, MASTER, FAULT }
