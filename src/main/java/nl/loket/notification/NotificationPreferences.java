package nl.loket.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.loket.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per user and kind of notification: e-mail on or off. On unless the user turned it off. */
@Service
public class NotificationPreferences {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    NotificationPreferences(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The current user's choices for every kind, in the order the settings show them. */
    public Map<String, Boolean> mine() {
        Map<String, Boolean> stored = new LinkedHashMap<>();
        jdbc.sql("select kind, email from notification_preference where username = ?").param(currentUser.username())
                .query((rs, i) -> Map.entry(rs.getString("kind"), rs.getBoolean("email"))).list()
                .forEach(entry -> stored.put(entry.getKey(), entry.getValue()));
        Map<String, Boolean> all = new LinkedHashMap<>();
        NotificationService.KINDS.forEach(kind -> all.put(kind, stored.getOrDefault(kind, true)));
        return all;
    }

    @Transactional
    public void setEmail(String kind, boolean email) {
        if (!NotificationService.KINDS.contains(kind)) {
            throw new IllegalArgumentException("No such kind of notification: " + kind);
        }
        String me = currentUser.username();
        int updated = jdbc.sql("update notification_preference set email = ? where username = ? and kind = ?")
                .params(email, me, kind).update();
        if (updated == 0) {
            jdbc.sql("insert into notification_preference (username, kind, email) values (?, ?, ?)")
                    .params(me, kind, email).update();
        }
    }
}
