package org.vrrpd.api.lvs;

/** Role of the IPVS connection-sync daemon (IP_VS_STATE_MASTER = 1, IP_VS_STATE_BACKUP = 2). */
public enum SyncRole { MASTER, BACKUP }
