package org.ruleone.platform.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Spring Modulith stores one publication per listener and serializes the event again for each one. An import's
 * {@code PurchasesRecorded} names every client of the file (4,372 in the Online Retail file: 440 kB of JSON) and has
 * four listeners, so the same text was made four times inside the import's transaction. A record is immutable, so
 * when the very same record instance is serialized again, the text just made for it is reused.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

    @Bean
    static BeanPostProcessor reuseSerializedRecords() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EventSerializer serializer && !(bean instanceof ReusingSerializer)
                        ? new ReusingSerializer(serializer) : bean;
            }
        };
    }

    /** Remembers the last record serialized, by identity, with its text. */
    static final class ReusingSerializer implements EventSerializer {

        private record Made(Object event, Object serialized) {
        }

        private final EventSerializer delegate;
        private final AtomicReference<Made> last = new AtomicReference<>();

        ReusingSerializer(EventSerializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object serialize(Object event) {
            if (event == null || !event.getClass().isRecord()) {
                return delegate.serialize(event);
            }
            Made made = last.get();
            if (made != null && made.event() == event) {
                return made.serialized();
            }
            Object serialized = delegate.serialize(event);
            last.set(new Made(event, serialized));
            return serialized;
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            return delegate.deserialize(serialized, type);
        }
    }
}
