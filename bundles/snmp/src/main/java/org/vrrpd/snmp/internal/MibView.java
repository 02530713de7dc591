package org.vrrpd.snmp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One snapshot of the objects we serve, in lexicographic OID order, and how Get, GetNext and
 * GetBulk read it (RFC 2741 §7.2.3). Immutable.
 */
final class MibView {
    private final NavigableMap<Oid, VarBind> values;
    /** The scalars' and columns' OIDs: a Get of a missing instance under one is noSuchInstance, elsewhere noSuchObject. */
    private final List<Oid> objects;

    MibView(Map<Oid, VarBind> values, List<Oid> objects) {
        this.values = new TreeMap<>(values);
        this.objects = List.copyOf(objects);
    }

    int size() {
        return values.size();
    }

    VarBind get(Oid name) {
        VarBind v = values.get(name);
        if (v != null) {
            return v;
        }
        boolean known = objects.stream().anyMatch(name::startsWith);
        return VarBind.exception(name, known ? VarBind.NO_SUCH_INSTANCE : VarBind.NO_SUCH_OBJECT);
    }

    /** The first object in the range, or endOfMibView named by the range's start. */
    VarBind next(Pdu.SearchRange range) {
        Map.Entry<Oid, VarBind> e = range.include() ? values.ceilingEntry(range.start()) : values.higherEntry(range.start());
        if (e == null || (!range.end().isNull() && e.getKey().compareTo(range.end()) >= 0)) {
            return VarBind.exception(range.start(), VarBind.END_OF_MIB_VIEW);
        }
        return e.getValue();
    }

    /** The bindings that answer a Get, GetNext or GetBulk. */
    List<VarBind> answer(Pdu request) {
        return switch (request.type()) {
            case Pdu.GET -> request.ranges().stream().map(r -> get(r.start())).toList();
            case Pdu.GET_NEXT -> request.ranges().stream().map(this::next).toList();
            case Pdu.GET_BULK -> bulk(request);
            default -> throw new IllegalArgumentException("not a read request: type " + request.type());
        };
    }

    /** RFC 2741 §7.2.3.3: each non-repeater once, then the repeaters round by round until all are at the end. */
    private List<VarBind> bulk(Pdu request) {
        List<Pdu.SearchRange> ranges = request.ranges();
        int nonRepeaters = Math.min(request.nonRepeaters(), ranges.size());
        List<VarBind> out = new ArrayList<>();
        for (int i = 0; i < nonRepeaters; i++) {
            out.add(next(ranges.get(i)));
        }
        List<Pdu.SearchRange> repeaters = new ArrayList<>(ranges.subList(nonRepeaters, ranges.size()));
        for (int round = 0; round < request.maxRepetitions() && !repeaters.isEmpty(); round++) {
            boolean allAtEnd = true;
            for (int i = 0; i < repeaters.size(); i++) {
                Pdu.SearchRange r = repeaters.get(i);
                VarBind v = next(r);
                out.add(v);
                if (v.type() != VarBind.END_OF_MIB_VIEW) {
                    allAtEnd = false;
                    repeaters.set(i, new Pdu.SearchRange(v.name(), false, r.end()));
                }
            }
            if (allAtEnd) {
                break;
            }
        }
        return out;
    }
}
