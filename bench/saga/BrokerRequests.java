import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Requests the Kafka broker has handled, by kind, from its own request metrics: the broker runs in
 * the launcher's JVM, whose Yammer metrics are MBeans such as
 * {@code kafka.network:type=RequestMetrics,name=RequestsPerSec,request=Produce,version=13}
 * (attribute Count: requests since the broker started). The bench reaches them through the JDK's
 * attach API (same machine, same user), which starts the launcher's local JMX agent.
 */
final class BrokerRequests implements AutoCloseable {

    static final String REQUESTS = "kafka.network:type=RequestMetrics,name=RequestsPerSec,*";
    /** Fetch requests are counted again under these names, by who sent them. */
    static final Set<String> ALIASES = Set.of("FetchConsumer", "FetchFollower");
    /** Requests between the broker and its controller (KRaft, in the same JVM here), not the clients'. */
    static final Set<String> CONTROL_PLANE = Set.of("BrokerHeartbeat", "BrokerRegistration", "ControllerRegistration",
            "AllocateProducerIds", "AlterPartition", "AssignReplicasToDirs", "Vote", "BeginQuorumEpoch", "EndQuorumEpoch",
            "DescribeQuorum", "AddRaftVoter", "RemoveRaftVoter", "UpdateRaftVoter");

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private BrokerRequests(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    static BrokerRequests attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return new BrokerRequests(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    }

    /** Request kind (Produce, Fetch, OffsetCommit, …) → requests handled since the broker started, all versions summed. */
    Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (ObjectName name : server.queryNames(new ObjectName(REQUESTS), null)) {
            Object count = server.getAttribute(name, "Count");
            counts.merge(name.getKeyProperty("request"), ((Number) count).longValue(), Long::sum);
        }
        return counts;
    }

    /** The MBeans counted, with their counts now: to check what the figures come from. */
    String list() throws Exception {
        StringBuilder text = new StringBuilder();
        for (ObjectName name : new java.util.TreeSet<>(server.queryNames(new ObjectName(REQUESTS), null))) {
            text.append(name).append(" Count=").append(server.getAttribute(name, "Count")).append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
