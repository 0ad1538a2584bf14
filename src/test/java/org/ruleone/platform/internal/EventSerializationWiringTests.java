package org.ruleone.platform.internal;

import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EventSerializationWiringTests {

    @Autowired EventSerializer serializer;

    @Test
    void theEventPublicationRegistrySerializesThroughTheReusingSerializer() {
        assertThat(serializer).isInstanceOf(EventSerialization.ReusingSerializer.class);
    }
}
