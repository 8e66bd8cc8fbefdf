package nl.loket.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.loket.request.InvalidRequestException;
import nl.loket.security.CurrentUser;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Out of office: a user sets a period and a substitute; in that period the tasks offered to them (assigned to them,
 * or to them as a candidate) are offered to the substitute too. Group tasks need no substitute: the group sees them.
 */
@Service
public class Substitutions {

    public static final String FIELD_SUBSTITUTE = "substitute";
    public static final String FIELD_PERIOD = "period";
    static final int MAX_DAYS = 366;

    private static final Logger log = LoggerFactory.getLogger(Substitutions.class);

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final UserAccountService users;
    private final Clock clock;

    Substitutions(JdbcClient jdbc, CurrentUser currentUser, UserAccountService users, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.users = users;
        this.clock = clock;
    }

    /** The current user's absence, if one is set (also a future one). */
    public record Absence(String substitute, String substituteName, LocalDate startsOn, LocalDate endsOn) {
    }

    public Optional<Absence> mine() {
        return jdbc.sql("select substitute, starts_on, ends_on from substitution where username = ?")
                .param(currentUser.username())
                .query((rs, i) -> new Absence(rs.getString("substitute"), users.displayName(rs.getString("substitute")),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)))
                .optional();
    }

    /** Who may stand in for the current user: enabled colleagues who share one of their inbox roles. */
    public List<UserAccount> candidates() {
        String me = currentUser.username();
        var myRoles = currentUser.roles();
        return users.all().stream().filter(UserAccount::enabled).filter(u -> !u.username().equals(me))
                .filter(u -> u.roles().stream().anyMatch(role -> myRoles.contains(role)
                        && (role.equals(nl.loket.security.Roles.APPROVER) || role.equals(nl.loket.security.Roles.FULFILLER))))
                .toList();
    }

    @Transactional
    public void setAbsence(String substitute, LocalDate startsOn, LocalDate endsOn) {
        String me = currentUser.username();
        if (substitute == null || candidates().stream().noneMatch(u -> u.username().equals(substitute))) {
            throw new InvalidRequestException(Map.of(FIELD_SUBSTITUTE, "absence.substitute.invalid"));
        }
        LocalDate today = LocalDate.now(clock);
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn) || endsOn.isBefore(today)
                || startsOn.plusDays(MAX_DAYS).isBefore(endsOn)) {
            throw new InvalidRequestException(Map.of(FIELD_PERIOD, "absence.period.invalid"));
        }
        jdbc.sql("delete from substitution where username = ?").param(me).update();
        jdbc.sql("insert into substitution (username, substitute, starts_on, ends_on) values (?, ?, ?, ?)")
                .params(me, substitute, startsOn, endsOn).update();
        log.info("{} is away {} to {}; substitute {}", me, startsOn, endsOn, substitute);
    }

    @Transactional
    public void clearAbsence() {
        jdbc.sql("delete from substitution where username = ?").param(currentUser.username()).update();
    }

    /** The users whom this user substitutes for today. */
    List<String> substitutedBy(String substitute) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select username from substitution where substitute = ? and starts_on <= ? and ends_on >= ?")
                .params(substitute, today, today).query(String.class).list();
    }
}
