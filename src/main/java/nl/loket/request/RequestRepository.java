package nl.loket.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import nl.loket.search.SearchQuery;
import nl.loket.search.SearchSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RequestRepository {

    private static final String COLUMNS = """
            id, request_number, request_type, requester, summary, status, process_instance_id, outcome_reason,
            created_at, updated_at""";

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the request and gives it its number, REQ-&lt;year&gt;-&lt;id, six digits&gt;. Returns the row as
     * written, without reading it back.
     */
    Request insert(String type, String requester, String summary, Instant at) {
        Request request = insertWithoutNumber(type, requester, summary, at);
        jdbc.sql("update service_request set request_number = ? where id = ?").params(request.number(), request.id())
                .update();
        return request;
    }

    /**
     * Inserts the request; its number (in the request returned) is written later, with its process instance
     * ({@link #attachProcess}), in the same transaction.
     */
    Request insertWithoutNumber(String type, String requester, String summary, Instant at) {
        // the database keeps microseconds: the request returned must equal the one read later
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_request (request_type, requester, summary, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(type, requester, summary, RequestStatus.SUBMITTED.name(), utc(now), utc(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String number = number(Year.from(now.atOffset(ZoneOffset.UTC)).getValue(), id);
        return new Request(id, number, type, requester, summary, RequestStatus.SUBMITTED, null, null, now, now);
    }

    /** REQ-2026-000042: the year and the id, at least six digits (String.format parses its pattern on every call). */
    static String number(int year, long id) {
        String digits = Long.toString(id);
        return "REQ-" + year + "-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
    }

    /** The request's process instance, and its number (again, or for the first time). */
    void attachProcess(long id, String number, String processInstanceId) {
        jdbc.sql("update service_request set request_number = ?, process_instance_id = ? where id = ?")
                .params(number, processInstanceId, id).update();
    }

    void updateSummary(long id, String summary) {
        jdbc.sql("update service_request set summary = ? where id = ?").params(summary, id).update();
    }

    void updateStatus(long id, RequestStatus status, String reason, Instant now) {
        jdbc.sql("update service_request set status = ?, outcome_reason = coalesce(?, outcome_reason), updated_at = ? where id = ?")
                .params(status.name(), reason, utc(now), id)
                .update();
    }

    Optional<Request> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from service_request where id = ?").param(id)
                .query(RequestRepository::map).optional();
    }

    Optional<Request> findByNumber(String number) {
        return jdbc.sql("select " + COLUMNS + " from service_request where request_number = ?").param(number)
                .query(RequestRepository::map).optional();
    }

    List<Request> findByNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from service_request where request_number in (:numbers)")
                .param("numbers", List.copyOf(numbers))
                .query(RequestRepository::map).list();
    }

    List<Request> findByRequester(String requester) {
        return jdbc.sql("select " + COLUMNS + " from service_request where requester = ? order by created_at desc, id desc")
                .param(requester)
                .query(RequestRepository::map).list();
    }

    /** The requester's own requests whose number or summary holds every word of the query, newest first. */
    List<Request> search(String requester, SearchQuery query, int limit) {
        SearchSql match = SearchSql.matching(query, "request_number", "summary");
        List<Object> params = new java.util.ArrayList<>();
        params.add(requester);
        params.addAll(match.params());
        return jdbc.sql("select " + COLUMNS + " from service_request where requester = ? and " + match.sql()
                        + " order by created_at desc, id desc fetch first " + limit + " rows only")
                .params(params).query(RequestRepository::map).list();
    }

    private static Request map(ResultSet rs, int row) throws SQLException {
        return new Request(rs.getLong("id"), rs.getString("request_number"), rs.getString("request_type"),
                rs.getString("requester"), rs.getString("summary"), RequestStatus.valueOf(rs.getString("status")),
                rs.getString("process_instance_id"), rs.getString("outcome_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The requester's requests: how many, and the last change of any of them (status, summary, outcome). */
    ChangeMark markOfRequester(String requester) {
        return jdbc.sql("select count(*) as n, max(updated_at) as last_change from service_request where requester = ?")
                .param(requester).query(RequestRepository::mark).single();
    }

    /** One request of this requester: its comments, and its last change; empty if there is no such request. */
    java.util.Optional<ChangeMark> markOf(String number, String requester) {
        return jdbc.sql("""
                        select (select count(*) from request_comment c where c.request_id = r.id) as n,
                               r.updated_at as last_change
                        from service_request r where r.request_number = ? and r.requester = ?""")
                .params(number, requester).query(RequestRepository::mark).optional();
    }

    private static ChangeMark mark(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime last = rs.getObject("last_change", OffsetDateTime.class);
        return new ChangeMark(rs.getLong("n"), last == null ? null : last.toInstant());
    }
}
