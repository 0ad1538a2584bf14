package org.ruleone.platform.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

class EventSerializationTests {

    record Happened(long id, List<String> names) {
    }

    static final class Mutable {
        String name = "first";
    }

    /** Counts its calls and says how many there were, so a reused text can be told from a new one. */
    static final class Counting implements EventSerializer {
        final List<Object> seen = new ArrayList<>();

        @Override
        public Object serialize(Object event) {
            seen.add(event);
            return "text " + seen.size();
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            return type.cast(new Happened(7, List.of(String.valueOf(serialized))));
        }
    }

    final Counting counting = new Counting();
    final EventSerializer serializer = new EventSerialization.ReusingSerializer(counting);

    @Test
    void serializesTheSameRecordOnceForEveryListenerItIsStoredFor() {
        Happened event = new Happened(1, List.of("a", "b"));

        Object first = serializer.serialize(event);
        Object second = serializer.serialize(event);
        Object third = serializer.serialize(event);

        assertThat(counting.seen).hasSize(1);
        assertThat(second).isSameAs(first);
        assertThat(third).isSameAs(first);
    }

    @Test
    void serializesAnEqualButOtherRecordAgain() {
        serializer.serialize(new Happened(1, List.of("a")));
        Object other = serializer.serialize(new Happened(1, List.of("a")));

        assertThat(counting.seen).hasSize(2);
        assertThat(other).isEqualTo("text 2");
    }

    @Test
    void serializesAnObjectThatMayChangeEveryTime() {
        Mutable event = new Mutable();
        serializer.serialize(event);
        event.name = "second";
        serializer.serialize(event);

        assertThat(counting.seen).hasSize(2);
    }

    @Test
    void serializesARecordAgainOnceAnotherEventCameBetween() {
        Happened event = new Happened(1, List.of("a"));
        serializer.serialize(event);
        serializer.serialize(new Happened(2, List.of("b")));
        Object again = serializer.serialize(event);

        assertThat(counting.seen).hasSize(3);
        assertThat(again).isEqualTo("text 3");
    }

    @Test
    void readsStoredEventsThroughTheSerializerItWraps() {
        assertThat(serializer.deserialize("stored", Happened.class)).isEqualTo(new Happened(7, List.of("stored")));
    }
}
