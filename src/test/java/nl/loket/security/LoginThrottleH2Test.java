package nl.loket.security;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The login throttle on H2, the embedded default database. */
class LoginThrottleH2Test extends LoginThrottleContract {

    private static final JdbcDataSource H2 = new JdbcDataSource();

    @BeforeAll
    static void database() {
        H2.setURL("jdbc:h2:mem:login-throttle;DB_CLOSE_DELAY=-1");
        H2.setUser("sa");
        createTable(H2);
    }

    @Override
    DataSource dataSource() {
        return H2;
    }
}
