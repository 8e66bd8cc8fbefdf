package nl.loket.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserAccountRepository {

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account with the language e-mail to them is written in. */
    record AccountRow(UserAccount account, String language) {
    }

    Optional<UserAccount> find(String username) {
        return findWithLanguage(username).map(AccountRow::account);
    }

    /** The account, its roles and its language in one query (a row per role). */
    Optional<AccountRow> findWithLanguage(String username) {
        List<Map.Entry<AccountRow, String>> rows = jdbc.sql("""
                        select u.username, u.display_name, u.email, u.manager_username, u.enabled, u.language, r.role
                        from loket_user u left join loket_user_role r on r.username = u.username
                        where u.username = ?""")
                .param(username)
                .query((rs, i) -> new java.util.AbstractMap.SimpleEntry<>(new AccountRow(
                        new UserAccount(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                                rs.getString("manager_username"), rs.getBoolean("enabled"), Set.of()),
                        rs.getString("language") == null ? "nl" : rs.getString("language")), rs.getString("role")))
                .list().stream().map(entry -> (Map.Entry<AccountRow, String>) entry).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        AccountRow first = rows.get(0).getKey();
        Set<String> roles = new HashSet<>();
        rows.stream().map(Map.Entry::getValue).filter(java.util.Objects::nonNull).forEach(roles::add);
        UserAccount account = first.account();
        return Optional.of(new AccountRow(new UserAccount(account.username(), account.displayName(), account.email(),
                account.managerUsername(), account.enabled(), roles), first.language()));
    }

    List<UserAccount> findAll() {
        return jdbc.sql("select username from loket_user order by username").query(String.class).list()
                .stream().map(this::find).flatMap(Optional::stream).toList();
    }

    String language(String username) {
        return jdbc.sql("select language from loket_user where username = ?").param(username)
                .query(String.class).optional().orElse("nl");
    }

    void updateLanguage(String username, String language) {
        jdbc.sql("update loket_user set language = ? where username = ?").params(language, username).update();
    }

    /** The language the user chose with the switcher, if they ever did. */
    Optional<String> chosenLanguage(String username) {
        return jdbc.sql("select language from loket_user where username = ? and language_chosen")
                .param(username).query(String.class).optional();
    }

    void chooseLanguage(String username, String language) {
        jdbc.sql("update loket_user set language = ?, language_chosen = true where username = ?")
                .params(language, username).update();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from loket_user where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    /** Loket's copy of a person as the directory has them; the language only for someone new (it is theirs after). */
    void insert(UserAccount account, Profile profile, String language, Instant seen) {
        jdbc.sql("""
                insert into loket_user (username, display_name, email, manager_username, enabled, department, title,
                                        directory_groups, language, seen_in_directory)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(account.username(), account.displayName(), account.email(), account.managerUsername(),
                        account.enabled(), profile.department(), profile.title(), profile.groupsColumn(), language,
                        Timestamp.from(seen))
                .update();
        insertRoles(account.username(), account.roles());
    }

    void update(UserAccount account, Profile profile, Instant seen) {
        jdbc.sql("""
                update loket_user set display_name = ?, email = ?, manager_username = ?, enabled = ?, department = ?,
                                      title = ?, directory_groups = ?, seen_in_directory = ?
                where username = ?""")
                .params(account.displayName(), account.email(), account.managerUsername(), account.enabled(),
                        profile.department(), profile.title(), profile.groupsColumn(), Timestamp.from(seen),
                        account.username())
                .update();
        jdbc.sql("delete from loket_user_role where username = ?").param(account.username()).update();
        insertRoles(account.username(), account.roles());
    }

    private void insertRoles(String username, java.util.Collection<String> roles) {
        for (String role : roles) {
            jdbc.sql("insert into loket_user_role (username, role) values (?, ?)").params(username, role).update();
        }
    }

    /** The person is no longer in the directory: they keep their name on what they did, but lose access. */
    void markGone(String username) {
        jdbc.sql("update loket_user set enabled = false, seen_in_directory = null, directory_groups = null "
                        + "where username = ?")
                .param(username).update();
        jdbc.sql("delete from loket_user_role where username = ?").param(username).update();
    }

    /**
     * What the directory says about someone beyond their account: department and title, and the groups they are in
     * beyond the role groups (mirrored into the engine).
     */
    record Profile(String department, String title, java.util.SortedSet<String> groups) {

        String groupsColumn() {
            return groups.isEmpty() ? null : String.join(",", groups);
        }

        static java.util.SortedSet<String> groupsOf(String column) {
            return column == null || column.isEmpty() ? new java.util.TreeSet<>()
                    : new java.util.TreeSet<>(List.of(column.split(",")));
        }
    }

    Profile profile(String username) {
        return jdbc.sql("select department, title, directory_groups from loket_user where username = ?")
                .param(username)
                .query((rs, i) -> new Profile(rs.getString("department"), rs.getString("title"),
                        Profile.groupsOf(rs.getString("directory_groups"))))
                .optional().orElse(new Profile(null, null, new java.util.TreeSet<>()));
    }

    List<String> usernames() {
        return jdbc.sql("select username from loket_user order by username").query(String.class).list();
    }
}
