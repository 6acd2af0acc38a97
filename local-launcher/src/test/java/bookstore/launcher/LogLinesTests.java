package bookstore.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLinesTests {

    @Test
    void showsLevelMessageAndErrorOfAStructuredLine() {
        String line = """
                {"@timestamp":"2026-11-22T05:03:37Z","log":{"level":"ERROR","logger":"org.springframework.boot.SpringApplication"},\
                "message":"Application run failed","error":{"type":"org.flywaydb.core.api.FlywayException",\
                "message":"Validate failed:\\nMigration checksum mismatch for \\"V1\\"","stack_trace":"at a.b.C(C.java:1)\\n"}}""";

        assertThat(LogLines.readable(line))
                .isEqualTo("ERROR Application run failed: org.flywaydb.core.api.FlywayException:"
                        + " Validate failed: Migration checksum mismatch for \"V1\"");
    }

    @Test
    void copesWithAStackTraceOfAnyLength() {
        String line = "{\"log\":{\"level\":\"ERROR\"},\"message\":\"boom\",\"error\":{\"type\":\"E\",\"message\":\""
                + "at a.b.C(C.java:1)\\n\\t".repeat(20_000) + "\"}}";

        assertThat(LogLines.readable(line)).startsWith("ERROR boom: E: at a.b.C(C.java:1)");
    }

    @Test
    void leavesAPlainLineAsItIs() {
        assertThat(LogLines.readable("Error: Unable to access jarfile app.jar"))
                .isEqualTo("Error: Unable to access jarfile app.jar");
    }

    @Test
    void cutsAnOverlongLine() {
        assertThat(LogLines.readable("x".repeat(5_000))).hasSize(LogLines.MAX_LENGTH + " [...]".length());
    }
}
