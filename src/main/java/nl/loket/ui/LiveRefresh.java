package nl.loket.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;

/**
 * How the portal follows changes made elsewhere (another node, the job executor): the browser asks the server every
 * {@code loket.ui.refresh-interval} (Vaadin's UI polling; no push, no in-memory event bus that only one node would
 * see) and the layout rereads its counts from the database. A page left alone for {@code loket.ui.refresh-idle-stop}
 * stops asking (a forgotten tab costs the database nothing); the next click, key or navigation starts it again.
 */
@Component
public class LiveRefresh {

    private final Duration interval;
    private final Duration idleStop;
    private final Clock clock;

    LiveRefresh(@Value("${loket.ui.refresh-interval:PT5S}") Duration interval,
                @Value("${loket.ui.refresh-idle-stop:PT15M}") Duration idleStop, Clock clock) {
        this.interval = interval;
        this.idleStop = idleStop;
        this.clock = clock;
    }

    /** The user did something: poll (again). */
    void active(UI ui, Activity activity) {
        activity.last = clock.instant();
        if (!interval.isZero() && ui.getPollInterval() != (int) interval.toMillis()) {
            ui.setPollInterval((int) interval.toMillis());
        }
    }

    /** On each poll: whether to look again, or to stop polling since nobody has touched the page for long. */
    boolean stillWatched(UI ui, Activity activity) {
        if (Duration.between(activity.last, clock.instant()).compareTo(idleStop) >= 0) {
            ui.setPollInterval(-1);
            return false;
        }
        return true;
    }

    void stop(UI ui) {
        ui.setPollInterval(-1);
    }

    /** The last moment one page (UI) was used. */
    static final class Activity {
        private Instant last = Instant.MIN;
    }
}
