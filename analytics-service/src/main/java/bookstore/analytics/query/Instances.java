package bookstore.analytics.query;

import bookstore.platform.web.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Answers questions from the stores of every analytics instance. Each instance holds some partitions of each
 * store; a question about one key goes to the instance that holds it, a question about everything goes to every
 * instance and their shares are merged. The instances ask each other over HTTP, passing on the caller's token.
 *
 * <p>While partitions move (an instance started, stopped or died) a store may be briefly held by nobody: an answer
 * is only given once every partition has answered, and the question is asked again until then, for up to
 * {@link #PATIENCE}. Standby replicas make the move quick: the instance that takes a partition over has a warm copy.
 */
@Component
public class Instances {

    static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final Duration PAUSE = Duration.ofMillis(250);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Instances.class);

    private final StreamsBuilderFactoryBean streams;
    private final Globals globals;
    private final HostInfo self;
    private final WebClient web;

    Instances(
            StreamsBuilderFactoryBean streams,
            Globals globals,
            @Value("${spring.kafka.streams.properties.application.server}") String applicationServer) {
        this.streams = streams;
        this.globals = globals;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
        this.web = WebClient.builder().build();
    }

    /** Where this instance answers, as other instances reach it. */
    public HostInfo self() {
        return self;
    }

    /** The question asked of every instance, their shares merged once every partition has answered. */
    public <V, R> Mono<R> gather(Gathered<V, R> question, Map<String, String> parameters, String authorization) {
        return patiently(Mono.defer(() -> attempt(question, parameters, authorization)), question.name());
    }

    /** The question about one key, answered by the instance that holds it; empty when nobody knows the key. */
    public <V, R> Mono<R> ask(Keyed<V, R> question, String key, Map<String, String> parameters, String authorization) {
        return patiently(
                Mono.defer(() -> {
                    KeyQueryMetadata owner = running()
                            .queryMetadataForKey(
                                    question.store(), key, Serdes.String().serializer());
                    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
                        return Mono.error(new NotReady("nobody holds " + question.store() + " for the key yet"));
                    }
                    if (owner.activeHost().equals(self)) {
                        return Mono.fromCallable(() -> local(question, key, parameters, owner.partition()))
                                .subscribeOn(Schedulers.boundedElastic());
                    }
                    MultiValueMap<String, String> query = query(parameters);
                    query.set("key", key);
                    return call(owner.activeHost(), question.name(), query, authorization)
                            .bodyToMono(question.type());
                }),
                question.name());
    }

    /** This instance's share: the question answered from every partition of the store it holds. */
    public <V, R> Partial<R> local(Gathered<V, R> question, Map<String, String> parameters) {
        KafkaStreams running = running();
        List<Integer> answered = new ArrayList<>();
        R value = question.empty();
        for (int partition = 0; partition < question.partitions(); partition++) {
            try {
                ReadOnlyKeyValueStore<String, V> store = running.store(StoreQueryParameters.fromNameAndType(
                                question.store(), QueryableStoreTypes.<String, V>keyValueStore())
                        .withPartition(partition));
                value = question.merge().apply(value, question.perPartition().answer(store, parameters, globals));
                answered.add(partition);
            } catch (InvalidStateStoreException notHere) {
                // Held elsewhere, or moving: another instance answers for it, or the question is asked again.
            }
        }
        return new Partial<>(answered, value);
    }

    /** The question about one key, from this instance's partition that holds it; null when unknown. */
    public <V, R> R local(Keyed<V, R> question, String key, Map<String, String> parameters) {
        KeyQueryMetadata owner = running()
                .queryMetadataForKey(question.store(), key, Serdes.String().serializer());
        if (owner == null || !owner.activeHost().equals(self)) {
            throw new NotReady("this instance does not hold " + question.store() + " for the key");
        }
        return local(question, key, parameters, owner.partition());
    }

    private <V, R> R local(Keyed<V, R> question, String key, Map<String, String> parameters, int partition) {
        try {
            ReadOnlyKeyValueStore<String, V> store = running()
                    .store(StoreQueryParameters.fromNameAndType(
                                    question.store(), QueryableStoreTypes.<String, V>keyValueStore())
                            .withPartition(partition));
            return question.answer().answer(store, key, parameters);
        } catch (InvalidStateStoreException moving) {
            throw new NotReady(moving.getMessage());
        }
    }

    private <V, R> Mono<R> attempt(Gathered<V, R> question, Map<String, String> parameters, String authorization) {
        Collection<StreamsMetadata> holders = running().streamsMetadataForStore(question.store());
        if (holders.isEmpty()) {
            return Mono.error(new NotReady("no instance holds " + question.store() + " yet"));
        }
        return Flux.fromIterable(holders)
                .flatMap(holder -> holder.hostInfo().equals(self)
                        ? Mono.fromCallable(() -> local(question, parameters)).subscribeOn(Schedulers.boundedElastic())
                        : call(holder.hostInfo(), question.name(), query(parameters), authorization)
                                .bodyToMono(question.type()))
                .collectList()
                .flatMap(shares -> {
                    Set<Integer> covered = new TreeSet<>();
                    R value = question.empty();
                    for (Partial<R> share : shares) {
                        for (Integer partition : share.partitions()) {
                            if (covered.add(partition)) {
                                continue;
                            }
                            return Mono.error(new NotReady("partition " + partition + " answered twice"));
                        }
                        value = question.merge().apply(value, share.value());
                    }
                    if (covered.size() < question.partitions()) {
                        return Mono.error(
                                new NotReady(question.store() + ": only partitions " + covered + " answered"));
                    }
                    return Mono.just(value);
                });
    }

    private WebClient.ResponseSpec call(
            HostInfo host, String name, MultiValueMap<String, String> query, String authorization) {
        return web.get()
                .uri(uri -> uri.scheme("http")
                        .host(host.host())
                        .port(host.port())
                        .path("/api/analytics/partials/{name}")
                        .queryParams(query)
                        .build(name))
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .retrieve();
    }

    private <R> Mono<R> patiently(Mono<R> attempt, String name) {
        return attempt.timeout(CALL_TIMEOUT)
                .onErrorMap(
                        failure -> !(failure instanceof NotReady) && !(failure instanceof ErrorResponseException),
                        failure -> new NotReady(failure.toString()))
                .retryWhen(Retry.fixedDelay(PATIENCE.dividedBy(PAUSE), PAUSE)
                        .filter(NotReady.class::isInstance)
                        .doBeforeRetry(signal -> log.debug(
                                "Asking again for {}: {}",
                                name,
                                signal.failure().getMessage())))
                .onErrorMap(Exceptions::isRetryExhausted, exhausted -> {
                    log.warn("No complete answer for {} within {}: {}", name, PATIENCE, exhausted.getCause());
                    return new ErrorResponseException(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            Problems.of(
                                    HttpStatus.SERVICE_UNAVAILABLE,
                                    "analytics-unavailable",
                                    "Analytics unavailable",
                                    "Analytics is still loading or moving its data between instances. Please try again shortly."),
                            exhausted);
                });
    }

    private KafkaStreams running() {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null || !running.state().isRunningOrRebalancing()) {
            throw new NotReady("Kafka Streams is not running");
        }
        return running;
    }

    private static MultiValueMap<String, String> query(Map<String, String> parameters) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        parameters.forEach(query::set);
        return query;
    }

    /** Not every partition can answer right now; asking again shortly may succeed. */
    static final class NotReady extends RuntimeException {
        NotReady(String message) {
            super(message, null, false, false);
        }
    }
}
