/**
 * Safe Java types over Linux sockets and ioctls: raw IP (with batched sends: sendmmsg), netlink, packet and Unix datagram sockets, poll,
 * eventfd, named pipes, thread scheduling
 * and network namespaces. Every failed call throws {@link org.vrrpd.kernel.NativeException} naming
 * the call and the errno. Socket objects are not thread-safe: each belongs to one thread (an event
 * loop), and their send/receive paths do not allocate.
 */
@Export
@Version("3.1.0")
package org.vrrpd.kernel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
