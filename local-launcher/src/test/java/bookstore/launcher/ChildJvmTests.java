package bookstore.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTests {

    private static final Path JAVA_HOME = Path.of("/opt/jdk");
    private static final String MAIN = "bookstore.embedded.KafkaServer";

    @Test
    void runsAMainClassFromThePlainClassPathTheLauncherRunsOn() {
        ChildJvm jvm = new ChildJvm(JAVA_HOME, false, Path.of("logs"));

        List<String> command = jvm.command("kafka", MAIN, List.of("a=b"), "one.jar:classes");

        assertThat(command.getFirst()).isEqualTo("/opt/jdk/bin/java");
        assertThat(command).contains("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:ErrorFile=logs/hs_err_kafka_%p.log");
        assertThat(command.subList(command.indexOf("-Da=b"), command.size()))
                .containsExactly("-Da=b", "-cp", "one.jar:classes", MAIN);
    }

    @Test
    void runsAMainClassInsideTheLaunchersExecutableJarThroughSpringBootsLoader(@TempDir Path folder)
            throws IOException {
        Path executable =
                jar(folder.resolve("local-launcher-exec.jar"), "org.springframework.boot.loader.launch.JarLauncher");
        ChildJvm jvm = new ChildJvm(JAVA_HOME, true, Path.of("logs"));

        List<String> command = jvm.command("kafka", MAIN, List.of(), executable.toString());

        assertThat(command).contains("-Xmx768m").doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(command.subList(command.indexOf("-cp"), command.size()))
                .containsExactly(
                        "-cp",
                        executable.toString(),
                        "-Dloader.main=" + MAIN,
                        "org.springframework.boot.loader.launch.PropertiesLauncher");
    }

    @Test
    void runsAMainClassFromAManifestOnlyJarAsFromAnyClassPath(@TempDir Path folder) throws IOException {
        // Surefire's booter jar: the class path is in its manifest, which a child JVM reads too.
        Path booter = jar(folder.resolve("surefirebooter.jar"), "org.apache.maven.surefire.booter.ForkedBooter");
        ChildJvm jvm = new ChildJvm(JAVA_HOME, false, Path.of("logs"));

        List<String> command = jvm.command("kafka", MAIN, List.of(), booter.toString());

        assertThat(command.subList(command.indexOf("-cp"), command.size()))
                .containsExactly("-cp", booter.toString(), MAIN);
    }

    private static Path jar(Path path, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        try (OutputStream file = Files.newOutputStream(path);
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.flush();
        }
        return path;
    }
}
