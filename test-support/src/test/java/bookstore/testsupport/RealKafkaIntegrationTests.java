package bookstore.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest(properties = "spring.kafka.consumer.auto-offset-reset=earliest")
@RealKafka
class RealKafkaIntegrationTests {

    private static final String TOPIC = "greetings.events.v1";

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void pointsTheApplicationAtTheTestBroker() {
        assertThat(bootstrapServers).isEqualTo(Infrastructure.kafka().bootstrapServers());
    }

    @Test
    void deliversWhatTheApplicationSendsThroughTheBroker() throws Exception {
        kafka.send(TOPIC, "greeting-1", "你好").get();

        List<String> received = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("greeting-readers", null)) {
            consumer.subscribe(Set.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
                assertThat(received).containsExactly("你好");
            });
        }
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(KafkaAutoConfiguration.class)
    static class Application {

        // Created by the application at start-up: the broker creates no topic on first use.
        @Bean
        NewTopic greetings() {
            return TopicBuilder.name(TOPIC).partitions(1).replicas(1).build();
        }
    }
}
