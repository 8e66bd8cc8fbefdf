package nl.loket.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;

import nl.loket.environment.Schedule;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves the engine clock, which is also Loket's clock (workflow.EngineClock). Reset it after each test. */
public final class EngineTime {

    private EngineTime() {
    }

    public static Instant set(LocalDateTime amsterdam) {
        return set(amsterdam.atZone(Schedule.AMSTERDAM).toInstant());
    }

    public static Instant set(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
        return instant;
    }

    public static void reset() {
        ClockUtil.reset();
    }
}
