package bookstore.platform.messaging;

import bookstore.events.Topic;
import bookstore.events.Topic.Retention;
import bookstore.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka for every service: the catalogue's topics and their dead-letter topics, one producer for
 * events (used by the outbox relay and for dead letters), and a consumer group per
 * {@link EventSubscription}, handed a poll's records as one batch, with bounded retries and
 * dead-lettering of the record that fails, and unbounded retries while the infrastructure is away.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** Topics from the catalogue (plus any {@link Topic} beans, which tests declare) and their DLTs. */
    @Bean
    KafkaAdmin.NewTopics bookstoreTopics(ObjectProvider<Topic<?>> extraTopics, MessagingProperties properties) {
        Set<Topic<?>> topics = new LinkedHashSet<>(Topics.all());
        extraTopics.orderedStream().forEach(topics::add);
        // A topic keeps its records as the catalogue says; its dead letters keep the broker's default.
        List<NewTopic> declarations = topics.stream()
                .flatMap(topic -> Stream.of(
                        declare(topic.name(), topic.partitions(), topic.retention(), properties.replicationFactor()),
                        declare(
                                topic.deadLetterTopic(),
                                topic.partitions(),
                                Retention.BROKER_DEFAULT,
                                properties.replicationFactor())))
                .toList();
        return new KafkaAdmin.NewTopics(declarations.toArray(NewTopic[]::new));
    }

    private static NewTopic declare(String name, int partitions, Retention retention, Integer replicationFactor) {
        TopicBuilder topic = TopicBuilder.name(name).partitions(partitions).configs(retention.topicConfig());
        // Without an explicit factor the broker's default applies (3 on the production cluster).
        return replicationFactor == null
                ? topic.build()
                : topic.replicas(replicationFactor).build();
    }

    /**
     * Boot's customizers (among them the Micrometer listener that binds the Kafka client's metrics) apply to the
     * platform's own factories as they would to Boot's.
     */
    @Bean
    ProducerFactory<String, byte[]> eventProducerFactory(
            ProducerFactory<?, ?> bootProducerFactory,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> config = new HashMap<>(bootProducerFactory.getConfigurationProperties());
        // Nothing is lost and nothing is reordered or duplicated by the producer's own retries.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        var producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        customizers.orderedStream().forEach(customizer -> customizer.customize(producers));
        return producers;
    }

    @Bean
    KafkaTemplate<String, byte[]> eventKafkaTemplate(ProducerFactory<String, byte[]> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    @Bean
    EventPublisher eventPublisher(
            KafkaTemplate<String, byte[]> eventKafkaTemplate,
            @Value("${spring.application.name}") String applicationName) {
        return new EventPublisher(eventKafkaTemplate, applicationName);
    }

    @Bean
    @ConditionalOnBean(EventSubscription.class)
    SubscribedGroups subscribedGroups(
            @Value("${spring.application.name}") String applicationName,
            List<EventSubscription<?>> subscriptions,
            EventCodec codec,
            ObjectProvider<ProcessedEvents> processedEvents,
            ObjectProvider<ObservationRegistry> observations,
            MessagingProperties properties) {
        return new SubscribedGroups(
                applicationName,
                subscriptions,
                codec,
                // Null when every subscription's handler is idempotent on its own.
                processedEvents.getIfAvailable(),
                properties.handlerTimeout(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnBean(EventSubscription.class)
    EventListenerContainers eventListenerContainers(
            SubscribedGroups groups,
            ConsumerFactory<?, ?> bootConsumerFactory,
            KafkaTemplate<String, byte[]> eventKafkaTemplate,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers,
            MeterRegistry meters,
            MessagingProperties properties) {
        Map<String, Object> config = new HashMap<>(bootConsumerFactory.getConfigurationProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, (int)
                properties.batchMinBytes().toBytes());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int)
                properties.batchMaxWait().toMillis());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batchMaxRecords());
        var consumers =
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        customizers.orderedStream().forEach(customizer -> customizer.customize(consumers));

        var publishing = new DeadLetterPublishingRecoverer(
                eventKafkaTemplate, (record, failure) -> new TopicPartition(record.topic() + ".dlt", -1));
        publishing.setExceptionHeadersCreator(new HandlerFailureHeaders());
        var deadLetters = new DeadLetterCount(publishing, meters);
        groups.all()
                .forEach(group ->
                        deadLetters.expecting(group.subscription().topic().name()));
        var pinnedOnOneRecord = new DefaultErrorHandler(
                deadLetters, new FixedBackOff(properties.retryInterval().toMillis(), properties.retryAttempts()));
        pinnedOnOneRecord.addNotRetryableExceptions(UndecodableEventException.class);
        // Its retries before dead-lettering are expected, not errors of the consumer.
        pinnedOnOneRecord.setLogLevel(KafkaException.Level.WARN);
        var errorHandler = new SubscriptionErrorHandler(
                pinnedOnOneRecord, properties.retryInterval(), properties.maxRetryInterval());

        return new EventListenerContainers(groups, consumers, errorHandler);
    }
}
