package org.ruleone.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event the owner may have posted to their own systems (webhooks out, ADR 0119). A module's event record
 * implements it and names itself with {@link Type}; the platform writes a delivery for every endpoint subscribed to
 * that name, in the publishing transaction.
 */
public interface WebhookEvent {

    /**
     * The facts a receiver gets, JSON-ready: ids, codes, amounts, scores and times, never a name, an address or text
     * a person wrote (a receiver asks Rule One for more, under its own rights).
     */
    Map<String, Object> webhookData();

    /** The name receivers switch on, e.g. {@code case.opened}: from the record's {@link Type}. */
    default String webhookType() {
        Type type = getClass().getAnnotation(Type.class);
        if (type == null) {
            throw new IllegalStateException(getClass().getName() + " implements WebhookEvent without @WebhookEvent.Type");
        }
        return type.value();
    }

    /** The event's stable name for receivers: {@code <thing>.<past participle>}, e.g. {@code case.resolved}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Type {
        String value();
    }

    /**
     * Data from pairs of key and value, in their order; {@code null} values stay (JSON null), times and enums become
     * their ISO or constant text.
     */
    static Map<String, Object> data(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            data.put((String) keysAndValues[i],
                    value instanceof Temporal || value instanceof Enum<?> ? value.toString() : value);
        }
        return data;
    }
}
