package bookstore.platform.deadletters;

import java.util.Objects;

/**
 * Where a dead letter lies: its dead-letter topic, partition and offset. One dead letter is one group's failure with
 * one record (each group that gives up on a record dead-letters a copy of its own), so this names both.
 */
public record DeadLetterId(String topic, int partition, long offset) {

    public DeadLetterId {
        Objects.requireNonNull(topic, "topic");
    }

    /** How the re-drive log keys it. */
    String key() {
        return topic + "/" + partition + "/" + offset;
    }

    @Override
    public String toString() {
        return key();
    }
}
