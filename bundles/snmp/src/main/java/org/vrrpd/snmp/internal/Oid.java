package org.vrrpd.snmp.internal;

import java.util.Arrays;

/** An SNMP object identifier, ordered lexicographically by sub-identifier (as GetNext walks). Immutable. */
final class Oid implements Comparable<Oid> {
    static final Oid NULL = new Oid(new int[0]);

    private final int[] subids;

    private Oid(int[] subids) {
        this.subids = subids;
    }

    static Oid of(int... subids) {
        return new Oid(subids.clone());
    }

    static Oid parse(String dotted) {
        String s = dotted.startsWith(".") ? dotted.substring(1) : dotted;
        return s.isEmpty() ? NULL : new Oid(Arrays.stream(s.split("\\.")).mapToInt(p -> (int) Long.parseLong(p)).toArray());
    }

    /** This OID followed by {@code more}. */
    Oid append(int... more) {
        int[] all = Arrays.copyOf(subids, subids.length + more.length);
        System.arraycopy(more, 0, all, subids.length, more.length);
        return new Oid(all);
    }

    int length() {
        return subids.length;
    }

    int get(int i) {
        return subids[i];
    }

    boolean isNull() {
        return subids.length == 0;
    }

    /** Whether this OID is {@code prefix} or lies under it. */
    boolean startsWith(Oid prefix) {
        return prefix.subids.length <= subids.length && Arrays.equals(subids, 0, prefix.subids.length, prefix.subids, 0, prefix.subids.length);
    }

    @Override
    public int compareTo(Oid o) {
        return Arrays.compareUnsigned(subids, o.subids);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Oid other && Arrays.equals(subids, other.subids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(subids);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int s : subids) {
            b.append('.').append(Integer.toUnsignedString(s));
        }
        return b.toString();
    }
}
