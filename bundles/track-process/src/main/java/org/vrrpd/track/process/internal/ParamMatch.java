package org.vrrpd.track.process.internal;

/** keepalived's param_match: how a process's parameters are compared with the configured ones. */
enum ParamMatch {
    /** No parameters compared (matching the name or the command's first word only). */
    NONE,
    /** The same parameters, no more. */
    EXACT,
    /** The configured parameters match, the last one possibly as the beginning of a longer one. */
    INITIAL,
    /** The first parameters are the configured ones; more may follow. */
    PARTIAL
}
