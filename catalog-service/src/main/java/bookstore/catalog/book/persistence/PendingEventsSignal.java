package bookstore.catalog.book.persistence;

import bookstore.platform.work.WakeUpSignal;
import org.springframework.stereotype.Component;

/** Wakes the relay when this replica has stored events, so it does not wait for its next poll. */
@Component
public class PendingEventsSignal extends WakeUpSignal {}
