package bookstore.platform.deadletters;

import bookstore.platform.messaging.MessagingAutoConfiguration;
import bookstore.platform.messaging.MessagingProperties;
import bookstore.platform.messaging.SubscribedGroups;
import bookstore.platform.security.AccessRules;
import bookstore.platform.work.WakeUpSignal;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Dead letters, operated, for every service that consumes: an admin API to list, inspect and re-drive the records its
 * consumer groups gave up on (ADR 20), the re-drive log it keeps in Kafka, and their metrics.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnBean(SubscribedGroups.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(DeadLetterProperties.class)
@Import(DeadLettersController.class)
public class DeadLettersAutoConfiguration {

    private final WakeUpSignal redrives = new WakeUpSignal();

    /** Compacted: the log keeps the last re-drive of each dead letter, for as long as the cluster lives. */
    @Bean
    KafkaAdmin.NewTopics redriveLogTopic(
            @Value("${spring.application.name}") String applicationName, MessagingProperties properties) {
        TopicBuilder topic = TopicBuilder.name(RedriveLog.topicOf(applicationName))
                .partitions(1)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        NewTopic declared = properties.replicationFactor() == null
                ? topic.build()
                : topic.replicas(properties.replicationFactor()).build();
        return new KafkaAdmin.NewTopics(declared);
    }

    /** Closed with the context. */
    @Bean
    DeadLetterTopics deadLetterTopics(
            @Value("${spring.application.name}") String applicationName,
            ConsumerFactory<?, ?> bootConsumerFactory,
            DeadLetterProperties properties) {
        return new DeadLetterTopics(
                bootConsumerFactory.getConfigurationProperties(),
                applicationName + "-dead-letters",
                properties.readTimeout());
    }

    @Bean
    RedrivingDeadLetters redrivingDeadLetters(
            @Value("${spring.application.name}") String applicationName,
            SubscribedGroups groups,
            DeadLetterTopics deadLetterTopics,
            KafkaTemplate<String, byte[]> eventKafkaTemplate,
            MeterRegistry meters,
            ObjectProvider<Clock> clock,
            DeadLetterProperties properties) {
        RedriveLog log = new RedriveLog(
                RedriveLog.topicOf(applicationName), eventKafkaTemplate, deadLetterTopics, properties.readTimeout());
        DeadLetterMetrics metrics = new DeadLetterMetrics(meters);
        RedrivingDeadLetters deadLetters = new RedrivingDeadLetters(
                groups, deadLetterTopics, log, metrics, redrives::raise, clock.getIfAvailable(Clock::systemUTC));
        deadLetters.originalTopics().forEach(metrics::expecting);
        return deadLetters;
    }

    @Bean
    DeadLetterCensus deadLetterCensus(RedrivingDeadLetters deadLetters, DeadLetterProperties properties) {
        return new DeadLetterCensus(deadLetters, properties.censusInterval(), redrives);
    }

    /** Admins only, whatever the service's own rules say of the rest of {@code /api}. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AccessRules deadLetterAccess() {
        return exchanges -> exchanges.pathMatchers("/api/dead-letters/**").hasRole("ADMIN");
    }
}
