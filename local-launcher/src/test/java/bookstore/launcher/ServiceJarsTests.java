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

class ServiceJarsTests {

    @TempDir
    Path repository;

    @Test
    void findsARunnableJarInTheModulesTargetFolder() throws IOException {
        Path jar = jar("order-service", "org.springframework.boot.loader.launch.JarLauncher");

        ServiceJars.Located located = ServiceJars.locate(repository, "0.1.0-SNAPSHOT", List.of(Service.ORDER));

        assertThat(located.complete()).isTrue();
        assertThat(located.jars()).containsEntry(Service.ORDER, jar);
    }

    @Test
    void namesEveryServiceThatIsNotBuiltYet() throws IOException {
        jar("order-service", "org.springframework.boot.loader.launch.JarLauncher");

        ServiceJars.Located located = ServiceJars.locate(
                repository, "0.1.0-SNAPSHOT", List.of(Service.ORDER, Service.PAYMENT, Service.GATEWAY));

        assertThat(located.complete()).isFalse();
        assertThat(located.problems())
                .containsExactly(
                        "payment-service: payment-service/target/payment-service-0.1.0-SNAPSHOT.jar is not built",
                        "gateway: gateway/target/gateway-0.1.0-SNAPSHOT.jar is not built");
    }

    @Test
    void refusesAJarWithoutAMainClass() throws IOException {
        jar("catalog-service", null);

        ServiceJars.Located located = ServiceJars.locate(repository, "0.1.0-SNAPSHOT", List.of(Service.CATALOG));

        assertThat(located.problems()).singleElement().asString().contains("not a runnable Spring Boot jar");
    }

    private Path jar(String module, String mainClass) throws IOException {
        Path jar = Files.createDirectories(repository.resolve(module).resolve("target"))
                .resolve(module + "-0.1.0-SNAPSHOT.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            // The manifest is all the check reads.
        }
        return jar;
    }
}
