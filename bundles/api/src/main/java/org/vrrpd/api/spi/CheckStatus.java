package org.vrrpd.api.spi;

/**
 * What a checker says about an instance.
 *
 * @param priorityDelta added to the configured priority (negative lowers it); the sum is clamped to 1..254
 * @param fault true to force the instance to FAULT
 * @param reason for logs and notifications
 */
public record CheckStatus(int priorityDelta, boolean fault, String reason) {
    public static final CheckStatus OK = new CheckStatus(0, false, "ok");
}
