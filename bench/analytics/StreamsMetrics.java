import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The Kafka client metrics inside the analytics JVM, reached as bench/saga's BrokerRequests reaches the broker's:
 * the JDK's attach API starts the JVM's local JMX agent. What the instance produced per topic (the producer's
 * record-send-total: every record written, which a compacted topic no longer shows) and how its stream threads
 * spent their time (process, punctuate, commit and poll ratios, over the metrics' recent window).
 */
final class StreamsMetrics implements AutoCloseable {

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private StreamsMetrics(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    static StreamsMetrics attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return new StreamsMetrics(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    }

    /** Topic → records the instance's producers sent to it. */
    Map<String, Long> recordsSent() throws Exception {
        return sumByTopic("kafka.producer:type=producer-topic-metrics,*", "record-send-total");
    }

    /** Topic → records the instance's consumers read from it (the global stores' consumer included). */
    Map<String, Long> recordsConsumed() throws Exception {
        Map<String, Long> consumed = new TreeMap<>();
        for (ObjectName name : server.queryNames(new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,*"), null)) {
            String topic = name.getKeyProperty("topic");
            if (topic != null && name.getKeyProperty("partition") == null) {
                Object value = server.getAttribute(name, "records-consumed-total");
                consumed.merge(topic, ((Number) value).longValue(), Long::sum);
            }
        }
        return consumed;
    }

    /** The stream threads' metrics (ratios, totals, latencies), summed over threads for totals, else averaged. */
    Map<String, Double> threads() throws Exception {
        Map<String, Double> values = new TreeMap<>();
        int threads = 0;
        for (ObjectName name : server.queryNames(new ObjectName("kafka.streams:type=stream-thread-metrics,*"), null)) {
            threads++;
            for (var attribute : server.getMBeanInfo(name).getAttributes()) {
                Object value = server.getAttribute(name, attribute.getName());
                if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
                    values.merge(attribute.getName(), number.doubleValue(), Double::sum);
                }
            }
        }
        if (threads > 1) {
            for (var entry : values.entrySet()) {
                if (!entry.getKey().endsWith("-total")) {
                    entry.setValue(entry.getValue() / threads);
                }
            }
        }
        return values;
    }

    private Map<String, Long> sumByTopic(String pattern, String attribute) throws Exception {
        Map<String, Long> sums = new TreeMap<>();
        for (ObjectName name : server.queryNames(new ObjectName(pattern), null)) {
            String topic = name.getKeyProperty("topic");
            if (topic != null) {
                Object value = server.getAttribute(name, attribute);
                sums.merge(topic, ((Number) value).longValue(), Long::sum);
            }
        }
        return sums;
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
