package bookstore.systemtests.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the shop once for the whole run, on the first test that needs it, and stops it when the
 * run ends. A shop that failed to start is not tried again by every later test.
 */
final class RunningShop implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Shop.class;
    }

    @Override
    public Shop resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store outlives every test class and closes what it holds when the run ends.
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(RunningShop.class))
                .computeIfAbsent(Attempt.class, key -> Attempt.start(), Attempt.class)
                .shop();
    }

    private record Attempt(Shop started, RuntimeException failure) implements AutoCloseable {

        static Attempt start() {
            try {
                return new Attempt(Shop.start(), null);
            } catch (RuntimeException e) {
                return new Attempt(null, e);
            }
        }

        Shop shop() {
            if (failure != null) {
                throw new IllegalStateException("The shop did not start: " + failure.getMessage(), failure);
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }
}
