package bookstore.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * How the launcher starts a JVM of its own: the launcher's own JDK, options that suit several JVMs
 * sharing a small machine, a crash report beside the logs; for a class of the launcher's (the Kafka
 * broker's main), the class path the launcher itself runs on.
 *
 * @param throughput as in production, with the optimising compiler and a larger heap: slower to
 *     start, faster once warm (benchmarks); otherwise tuned for a quick start
 */
record ChildJvm(Path javaHome, boolean throughput, Path logs) {

    // What Spring Boot's repackaged jars start with; the launcher's own, as ./shop runs it, is one.
    private static final String BOOT_LOADER = "org.springframework.boot.loader.";
    private static final String PROPERTIES_LAUNCHER = BOOT_LOADER + "launch.PropertiesLauncher";

    /** The {@code java} command and its options, to which the caller adds what to run. */
    List<String> command(String name) {
        List<String> command =
                new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString()));
        if (throughput) {
            // As on Kubernetes: the JIT's optimising tier and room for the heap to breathe under load.
            command.add("-Xmx768m");
        } else {
            // Modest heaps and the C1 compiler only: many JVMs share a laptop, and start-up time
            // matters more here than peak throughput.
            command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
        }
        command.addAll(List.of(
                "-XX:+UseSerialGC",
                // Netty loads its native transport; allowed explicitly rather than warned about.
                "--enable-native-access=ALL-UNNAMED",
                // A crash report belongs with the logs, not in the working tree.
                "-XX:ErrorFile=" + logs.resolve("hs_err_" + name + "_%p.log")));
        if (Runtime.version().feature() >= 24) {
            // Netty and Kafka still use sun.misc.Unsafe, which JDK 24+ warns about on every start.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        return command;
    }

    /**
     * The command that runs {@code mainClass}, found on the launcher's own class path: the class path
     * itself, or inside the launcher's executable jar through Spring Boot's loader, which reads the
     * jars nested in it (plain {@code -cp} cannot).
     */
    List<String> command(String name, String mainClass, List<String> systemProperties) {
        return command(name, mainClass, systemProperties, System.getProperty("java.class.path"));
    }

    List<String> command(String name, String mainClass, List<String> systemProperties, String classPath) {
        List<String> command = command(name);
        systemProperties.forEach(property -> command.add("-D" + property));
        if (isExecutableJar(classPath)) {
            command.addAll(List.of(
                    "-cp",
                    Path.of(classPath).toAbsolutePath().toString(),
                    "-Dloader.main=" + mainClass,
                    PROPERTIES_LAUNCHER));
        } else {
            command.addAll(List.of("-cp", classPath, mainClass));
        }
        return command;
    }

    private static boolean isExecutableJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            Manifest manifest = jar.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return main != null && main.startsWith(BOOT_LOADER);
        } catch (IOException e) {
            return false;
        }
    }
}
