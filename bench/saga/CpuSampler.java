import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time per process of this machine, from /proc/PID/stat, named by what the command line runs:
 * which service, PostgreSQL (its postmaster and every backend, summed), the launcher (which hosts
 * the embedded Kafka broker and Mongo server), this load generator; and, apart, the CPU time of the
 * shop's JVMs' just-in-time compiler threads (C1 and C2 CompilerThread, from /proc/PID/task), which
 * falls as the code gets compiled whatever the load.
 */
final class CpuSampler {

    static final String POSTGRESQL = "postgresql";
    static final String LAUNCHER = "launcher(kafka+mongo)";
    /** The shop's JVMs' JIT compiler threads, all together (taken out of each process's figure). */
    static final String JIT = "jit-compilers";
    /** This process, whole (its own compiler threads included). */
    static final String GENERATOR = "load-generator";
    /** Every other process on the machine (another shop, builds, the system). */
    static final String OTHER = "not-the-shop";
    /** The shop's processes in the order reports list them. */
    static final List<String> SHOP = List.of("gateway", "catalog-service", "user-service", "order-service",
            "inventory-service", "payment-service", LAUNCHER, POSTGRESQL);
    /** Everything a sample splits the machine into, in report order. */
    static final List<String> PARTS = concat(SHOP, List.of(JIT, GENERATOR, OTHER));

    /** Ticks per process and of the JIT compiler threads of each shop JVM, at a moment (System.nanoTime). */
    record Sample(long at, Map<Long, Long> ticks, Map<Long, Long> jitTicks) {
        boolean isEmpty() {
            return ticks.isEmpty();
        }
    }

    private static final String UNKNOWN_POSTGRES = "postgres?";

    private final long ticksPerSecond;
    /** The shop's data folder, which the command lines of its processes name. */
    private final String shopData;
    private final long self = ProcessHandle.current().pid();
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    CpuSampler(long ticksPerSecond, String shopData) {
        this.ticksPerSecond = ticksPerSecond;
        this.shopData = shopData;
    }

    Sample sample() {
        long at = System.nanoTime();
        Map<Long, Long> ticks = processTicks();
        Map<Long, Long> jit = new HashMap<>();
        for (long pid : ticks.keySet()) {
            String name = names.getOrDefault(pid, OTHER);
            if (!name.equals(POSTGRESQL) && !name.equals(OTHER) && !name.equals(GENERATOR)) {
                jit.put(pid, jitTicks(pid));
            }
        }
        return new Sample(at, ticks, jit);
    }

    /** The pids of the processes of that name (in the last sample). */
    List<Long> pidsNamed(String name) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).toList();
    }

    /**
     * CPU milliseconds per second of each of PARTS between two samples: each process of the shop
     * without its JIT compiler threads, the JIT compiler threads of the shop's JVMs together, this
     * generator, the rest of the machine. Empty when a sample is.
     */
    Map<String, Double> msPerSecond(Sample from, Sample to) {
        Map<String, Double> parts = new LinkedHashMap<>();
        if (from.isEmpty() || to.isEmpty()) {
            return parts;
        }
        PARTS.forEach(part -> parts.put(part, 0.0));
        double seconds = (to.at() - from.at()) / 1e9;
        double msPerTick = 1000.0 / ticksPerSecond;
        to.ticks().forEach((pid, ticks) -> {
            long used = ticks - from.ticks().getOrDefault(pid, 0L);
            parts.merge(names.getOrDefault(pid, OTHER), used * msPerTick / seconds, Double::sum);
        });
        to.jitTicks().forEach((pid, ticks) -> {
            double jit = (ticks - from.jitTicks().getOrDefault(pid, 0L)) * msPerTick / seconds;
            parts.merge(JIT, jit, Double::sum);
            parts.merge(names.getOrDefault(pid, OTHER), -jit, Double::sum);
        });
        return parts;
    }

    /** The shop's processes without their JIT compiler threads (neither the generator nor the rest of the machine). */
    static double shop(Map<String, Double> msPerSecond) {
        return SHOP.stream().mapToDouble(part -> msPerSecond.getOrDefault(part, 0.0)).sum();
    }

    static double machine(Map<String, Double> msPerSecond) {
        return msPerSecond.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Cores used by each part (those over 0.005 cores) and by the whole machine. */
    static String summary(Map<String, Double> msPerSecond) {
        if (msPerSecond.isEmpty()) {
            return "NA";
        }
        StringBuilder text = new StringBuilder();
        msPerSecond.forEach((part, ms) -> {
            if (ms >= 5) {
                text.append(part).append(' ').append(String.format(Locale.ROOT, "%.2f", ms / 1000)).append(", ");
            }
        });
        return text + String.format(Locale.ROOT, "all %.2f of %d", machine(msPerSecond) / 1000,
                Runtime.getRuntime().availableProcessors());
    }

    private Map<Long, Long> processTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, String> unnamed = new HashMap<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) entries::iterator) {
                String pid = dir.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    // After the parenthesised command name: state, ppid, ..., utime (14th field), stime (15th).
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long id = Long.parseLong(pid);
                    ticks.put(id, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    parents.put(id, Long.parseLong(fields[1]));
                    if (!names.containsKey(id)) {
                        unnamed.put(id, id == self ? GENERATOR : nameOf(dir, stat));
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended between listing and reading.
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        // PostgreSQL backends carry no data folder in their command line: they are the shop's
        // when their parent is the shop's postmaster.
        unnamed.forEach((pid, name) -> {
            if (name.equals(UNKNOWN_POSTGRES)) {
                String parent = names.getOrDefault(parents.get(pid), unnamed.get(parents.get(pid)));
                name = POSTGRESQL.equals(parent) ? POSTGRESQL : OTHER;
            }
            names.put(pid, name);
        });
        return ticks;
    }

    /** CPU ticks of the C1 and C2 compiler threads of a JVM. */
    private static long jitTicks(long pid) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // The thread ended between listing and reading.
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended.
        }
        return ticks;
    }

    /**
     * A process of the benchmarked shop (its command line names the shop's data folder) by the jar
     * it runs; PostgreSQL's postmaster by name (its backends by their parent, see processTicks()).
     */
    private String nameOf(Path dir, String stat) {
        List<String> arguments;
        try {
            arguments = List.of(new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                    .split("\0"));
        } catch (IOException e) {
            arguments = List.of();
        }
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        boolean ours = arguments.stream().anyMatch(argument -> argument.contains(shopData));
        if (comm.startsWith("postgres")) {
            return ours ? POSTGRESQL : UNKNOWN_POSTGRES;
        }
        if (!ours) {
            // Another shop on this machine (system tests, a developer's ./shop) runs the same jars.
            return OTHER;
        }
        int jar = arguments.indexOf("-jar");
        String jarPath = jar >= 0 && jar + 1 < arguments.size() ? arguments.get(jar + 1) : "";
        for (String service : SHOP.subList(0, 6)) {
            if (jarPath.contains("/" + service + "/") || jarPath.contains("/" + service + ".jar")
                    || jarPath.contains("/" + service + "-")) {
                return service;
            }
        }
        if (jarPath.contains("local-launcher")) {
            return LAUNCHER;
        }
        return OTHER;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
