package nl.loket.access;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import nl.loket.search.SearchQuery;
import nl.loket.search.SearchSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The software that can be requested. */
@Repository
public class SoftwareCatalog {

    private static final String COLUMNS = "id, name, vendor, description, licence_cost_eur, fulfilment";

    private final JdbcClient jdbc;

    SoftwareCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Software> active() {
        return jdbc.sql("select " + COLUMNS + " from software where active = true order by name")
                .query(SoftwareCatalog::map).list();
    }

    /** Active software whose name, vendor or description holds every word of the query, by name. */
    public List<Software> search(SearchQuery query, int limit) {
        SearchSql match = SearchSql.matching(query, "name", "vendor", "description");
        return jdbc.sql("select " + COLUMNS + " from software where active = true and " + match.sql()
                        + " order by name fetch first " + limit + " rows only")
                .params(match.params()).query(SoftwareCatalog::map).list();
    }

    public Optional<Software> findActive(long id) {
        return jdbc.sql("select " + COLUMNS + " from software where id = ? and active = true").param(id)
                .query(SoftwareCatalog::map).optional();
    }

    public Optional<Software> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from software where id = ?").param(id)
                .query(SoftwareCatalog::map).optional();
    }

    @Transactional
    public void addIfAbsent(String name, String vendor, String description, BigDecimal licenceCostEur) {
        addIfAbsent(name, vendor, description, licenceCostEur, Fulfilment.AUTOMATIC);
    }

    @Transactional
    public void addIfAbsent(String name, String vendor, String description, BigDecimal licenceCostEur,
                            Fulfilment fulfilment) {
        boolean exists = jdbc.sql("select count(*) from software where name = ?").param(name)
                .query(Integer.class).single() > 0;
        if (!exists) {
            jdbc.sql("insert into software (name, vendor, description, licence_cost_eur, fulfilment) values (?, ?, ?, ?, ?)")
                    .params(name, vendor, description, licenceCostEur, fulfilment.name()).update();
        }
    }

    private static Software map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Software(rs.getLong("id"), rs.getString("name"), rs.getString("vendor"),
                rs.getString("description"), rs.getBigDecimal("licence_cost_eur"),
                Fulfilment.valueOf(rs.getString("fulfilment")));
    }
}
