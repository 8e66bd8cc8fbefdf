package nl.loket.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a form value lives in the form's data, as form-js binds it: a field's {@code key} split at dots, under the
 * {@code path} of the groups around it, with the row number inside a dynamic list. {@code key "a.b"} in a group
 * with {@code path "g"} is {@code {g: {a: {b: value}}}}; the second row of a dynamic list {@code items} is
 * {@code items[1]}.
 *
 * @param segments names (String) and row numbers (Integer)
 */
public record ValuePath(List<Object> segments) {

    public static final ValuePath ROOT = new ValuePath(List.of());

    public ValuePath {
        segments = List.copyOf(segments);
    }

    /** This path followed by a dotted name ({@code key} or {@code path}); null or blank adds nothing. */
    public ValuePath plus(String dotted) {
        if (dotted == null || dotted.isBlank()) {
            return this;
        }
        List<Object> more = new ArrayList<>(segments);
        more.addAll(Arrays.asList(dotted.split("\\.")));
        return new ValuePath(more);
    }

    public ValuePath plusRow(int row) {
        List<Object> more = new ArrayList<>(segments);
        more.add(row);
        return new ValuePath(more);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The value at this path in nested maps and lists; null where anything on the way is missing. */
    public Object get(Object data) {
        Object current = data;
        for (Object segment : segments) {
            if (segment instanceof Integer row && current instanceof List<?> list) {
                current = row >= 0 && row < list.size() ? list.get(row) : null;
            } else if (segment instanceof String name && current instanceof Map<?, ?> map) {
                current = map.get(name);
            } else {
                return null;
            }
        }
        return current;
    }

    /** Whether the data has an entry (possibly null) at this path. */
    public boolean isPresentIn(Object data) {
        if (isRoot()) {
            return data != null;
        }
        Object parent = new ValuePath(segments.subList(0, segments.size() - 1)).get(data);
        Object last = segments.get(segments.size() - 1);
        return last instanceof String name ? parent instanceof Map<?, ?> map && map.containsKey(name)
                : parent instanceof List<?> list && (Integer) last < list.size();
    }

    /** Puts the value into nested maps and lists, creating what is missing on the way (as min-dash's set does). */
    @SuppressWarnings("unchecked")
    public void set(Map<String, Object> data, Object value) {
        if (isRoot()) {
            throw new IllegalStateException("Cannot set the root");
        }
        Object current = data;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object segment = segments.get(i);
            Object next = segments.get(i + 1);
            current = child(current, segment, next instanceof Integer);
        }
        Object last = segments.get(segments.size() - 1);
        if (current instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put((String) last, value);
        } else {
            List<Object> list = (List<Object>) current;
            int row = (Integer) last;
            while (list.size() <= row) {
                list.add(null);
            }
            list.set(row, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object child(Object current, Object segment, boolean listNext) {
        if (current instanceof Map<?, ?> map) {
            Map<String, Object> parent = (Map<String, Object>) map;
            Object existing = parent.get((String) segment);
            if (existing instanceof Map<?, ?> || existing instanceof List<?>) {
                return existing;
            }
            Object created = listNext ? new ArrayList<>() : new LinkedHashMap<String, Object>();
            parent.put((String) segment, created);
            return created;
        }
        List<Object> list = (List<Object>) current;
        int row = (Integer) segment;
        while (list.size() <= row) {
            list.add(null);
        }
        Object existing = list.get(row);
        if (existing instanceof Map<?, ?> || existing instanceof List<?>) {
            return existing;
        }
        Object created = listNext ? new ArrayList<>() : new LinkedHashMap<String, Object>();
        list.set(row, created);
        return created;
    }

    /** {@code approved}, {@code address.city}, {@code items[1].name}: how a field error is addressed. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer row) {
                text.append('[').append(row).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(segment);
            }
        }
        return text.toString();
    }
}
