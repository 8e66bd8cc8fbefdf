package nl.loket.environment;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import nl.loket.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Friday nudge as a notification (the banner is in the portal): on Friday from 16:00 (Amsterdam) every owner of
 * running environments is told which, once that day, in the portal and by e-mail.
 */
@Service
public class FridayNudges {

    private static final Logger log = LoggerFactory.getLogger(FridayNudges.class);

    private final EnvironmentRepository environments;
    private final NotificationService notifications;
    private final Clock clock;

    FridayNudges(EnvironmentRepository environments, NotificationService notifications, Clock clock) {
        this.environments = environments;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Whether it is Friday 16:00 or later in Amsterdam. */
    public boolean isTime() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(Schedule.AMSTERDAM));
        return now.getDayOfWeek() == DayOfWeek.FRIDAY && now.getHour() >= 16;
    }

    /** Notifies the owners of running environments, each once a Friday. Returns how many were told. */
    @Transactional
    public int sendDue() {
        if (!isTime()) {
            return 0;
        }
        var startOfDay = ZonedDateTime.now(clock.withZone(Schedule.AMSTERDAM)).toLocalDate()
                .atStartOfDay(Schedule.AMSTERDAM).toInstant();
        Map<String, List<Environment>> byOwner = environments.running().stream()
                .collect(Collectors.groupingBy(Environment::owner, TreeMap::new, Collectors.toList()));
        int told = 0;
        for (var entry : byOwner.entrySet()) {
            if (notifications.sentSince(entry.getKey(), NotificationService.FRIDAY_NUDGE, startOfDay)) {
                continue;
            }
            String names = entry.getValue().stream().map(Environment::name).collect(Collectors.joining(", "));
            notifications.notify(entry.getKey(), null, NotificationService.FRIDAY_NUDGE,
                    String.valueOf(entry.getValue().size()), names);
            told++;
        }
        log.info("Friday nudge: {} owners of running environments told", told);
        return told;
    }
}
