package nl.loket.security;

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

    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from loket_user where username = ?").param(username)
                .query(String.class).optional();
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

    void insert(UserAccount account, String passwordHash) {
        jdbc.sql("""
                insert into loket_user (username, display_name, email, password_hash, manager_username, enabled)
                values (?, ?, ?, ?, ?, ?)""")
                .params(account.username(), account.displayName(), account.email(), passwordHash,
                        account.managerUsername(), account.enabled())
                .update();
        for (String role : account.roles()) {
            jdbc.sql("insert into loket_user_role (username, role) values (?, ?)")
                    .params(account.username(), role).update();
        }
    }
}
