package bookstore.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/** Finds each service's runnable jar, as {@code ./mvnw package} leaves it in the module's target folder. */
final class ServiceJars {

    private ServiceJars() {}

    record Located(Map<Service, Path> jars, List<String> problems) {

        boolean complete() {
            return problems.isEmpty();
        }
    }

    static Located locate(Path repository, String version, Collection<Service> services) {
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        List<String> problems = new ArrayList<>();
        for (Service service : services) {
            Path jar = repository
                    .resolve(service.module())
                    .resolve("target")
                    .resolve(service.module() + "-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                problems.add(service.module() + ": " + repository.relativize(jar) + " is not built");
            } else if (!isRunnable(jar)) {
                problems.add(
                        service.module() + ": " + repository.relativize(jar)
                                + " is not a runnable Spring Boot jar (no Main-Class; does the module have its application yet?)");
            } else {
                jars.put(service, jar);
            }
        }
        return new Located(jars, problems);
    }

    private static boolean isRunnable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue("Main-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
