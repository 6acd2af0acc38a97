package bookstore.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void topicNamesFollowTheDomainKindVersionPatternAndAreUnique() {
        List<String> names = Topics.all().stream().map(Topic::name).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z]+\\.[a-z]+\\.v[1-9][0-9]*"));
    }

    @Test
    void everyEventTypeIsARecordWithIdTimeAndItsKey() {
        for (Topic<?> topic : Topics.all()) {
            assertThat(topic.eventTypes()).as(topic.name()).isNotEmpty();
            for (Class<?> type : topic.eventTypes()) {
                assertThat(type.isRecord()).as(type.getName()).isTrue();
                List<String> components = Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList();
                assertThat(components)
                        .as(type.getName())
                        .startsWith("eventId", "occurredAt")
                        .contains(topic.key());
            }
        }
    }

    @Test
    void cloudEventTypesAreUniqueAcrossTheCatalogue() {
        List<String> types = Topics.all().stream()
                .flatMap(topic -> topic.eventTypes().stream())
                .map(type -> CloudEvents.typeOf(type.asSubclass(IntegrationEvent.class)))
                .toList();

        assertThat(types).doesNotHaveDuplicates().allMatch(type -> type.matches("bookstore\\.[a-z]+\\.[A-Z][A-Za-z]+"));
    }

    @Test
    void aTopicFindsItsEventTypeByCloudEventsType() {
        assertThat(Topics.CATALOG_BOOKS.eventTypeFor("bookstore.catalog.BookAdded"))
                .contains(bookstore.events.catalog.BookAdded.class);
        assertThat(Topics.CATALOG_BOOKS.eventTypeFor("bookstore.order.OrderPlaced"))
                .isEmpty();
        assertThat(Topics.CATALOG_BOOKS.deadLetterTopic()).isEqualTo("catalog.books.v1.dlt");
    }
}
