package nl.loket.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import nl.loket.request.Request;
import nl.loket.request.RequestStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the inbox's read model. One statement per page and one (capped) for the count; every query leaves out the
 * user's own requests (four-eyes) and is driven by an index on the creation time or the assignee.
 */
@Repository
class InboxRepository {

    /** Counting stops here: the inbox says "99+" rather than count every open task. */
    static final int COUNT_CAP = 99;

    private final JdbcClient jdbc;

    InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who looks: the user, everyone whose tasks they see (themselves and those they stand in for), their groups.
     */
    record Viewer(String me, List<String> actingFor, Collection<String> groups) {
    }

    /** A row of the read model with what the list shows of its request. */
    record Row(String taskId, String taskKey, String taskName, String assignee, int priority, Instant due,
               Instant followUp, Instant created, Request request, String requesterName) {
    }

    List<Row> page(InboxFilter filter, Viewer viewer, int offset, int limit) {
        Query query = where(filter, viewer);
        query.sql.append(" order by ").append(switch (filter.sort()) {
            case NEWEST_FIRST -> "t.created_at desc, t.task_id";
            case DUE_FIRST -> "case when t.due_at is null then 1 else 0 end, t.due_at, t.created_at, t.task_id";
            case PRIORITY_FIRST -> "t.priority desc, t.created_at, t.task_id";
            default -> "t.created_at, t.task_id";
        }).append(" offset ? rows fetch next ? rows only");
        query.params.add(offset);
        query.params.add(limit);
        return jdbc.sql("""
                select t.task_id, t.task_key, t.task_name, t.assignee, t.priority, t.due_at, t.follow_up_at, t.created_at,
                       r.id as request_id, r.request_number, t.request_type, t.requester, r.summary, r.status,
                       r.process_instance_id, r.outcome_reason, r.created_at as submitted_at, r.updated_at,
                       coalesce(u.display_name, t.requester) as requester_name
                from inbox_task t join service_request r on r.id = t.request_id
                left join loket_user u on u.username = t.requester
                """ + query.sql).params(query.params).query(InboxRepository::map).list();
    }

    /** The number of tasks the filter matches, up to {@link #COUNT_CAP} + 1. */
    int count(InboxFilter filter, Viewer viewer) {
        Query query = where(filter, viewer);
        query.params.add(COUNT_CAP + 1);
        return jdbc.sql("select count(*) from (select 1 from inbox_task t " + query.sql
                        + " fetch first ? rows only) capped")
                .params(query.params).query(Integer.class).single();
    }

    /** The request types among the user's tasks, for the filter. */
    List<String> requestTypes(Viewer viewer) {
        Query query = where(InboxFilter.all(), viewer);
        return jdbc.sql("select distinct t.request_type from inbox_task t" + query.sql + " order by t.request_type")
                .params(query.params).query(String.class).list();
    }

    /** The requesters among the user's tasks (username to display name), for the filter. */
    List<Map.Entry<String, String>> requesters(Viewer viewer) {
        Query query = where(InboxFilter.all(), viewer);
        return jdbc.sql("select distinct t.requester, coalesce(u.display_name, t.requester) as name from inbox_task t "
                        + "left join loket_user u on u.username = t.requester" + query.sql + " order by name")
                .params(query.params)
                .query((rs, i) -> Map.entry(rs.getString("requester"), rs.getString("name"))).list();
    }

    private static Query where(InboxFilter filter, Viewer viewer) {
        Query query = new Query();
        query.sql.append(" where t.requester <> ?");
        query.params.add(viewer.me());
        String mine = "t.assignee in (" + placeholders(viewer.actingFor().size()) + ")";
        List<Object> offeredParams = new ArrayList<>();
        String offeredToMe = offeredCondition(viewer, offeredParams);
        switch (filter.scope()) {
            case MINE -> {
                query.sql.append(" and ").append(mine);
                query.params.addAll(viewer.actingFor());
            }
            case GROUP -> {
                query.sql.append(" and t.assignee is null and exists (select 1 from inbox_task_candidate c")
                        .append(" where c.task_id = t.task_id and ").append(offeredToMe).append(")");
                query.params.addAll(offeredParams);
            }
            default -> {
                // Inside an OR, PostgreSQL would turn EXISTS into a hash of every candidate row (all 100,000 when
                // everything is offered to one group); a correlated count is probed per row through the index, so
                // the first page stays a walk along the creation-time index.
                query.sql.append(" and (").append(mine).append(" or (t.assignee is null and (select count(*) from")
                        .append(" inbox_task_candidate c where c.task_id = t.task_id and ").append(offeredToMe)
                        .append(") > 0))");
                query.params.addAll(viewer.actingFor());
                query.params.addAll(offeredParams);
            }
        }
        if (filter.requestType() != null) {
            query.sql.append(" and t.request_type = ?");
            query.params.add(filter.requestType());
        }
        if (filter.requester() != null) {
            query.sql.append(" and t.requester = ?");
            query.params.add(filter.requester());
        }
        if (filter.minPriority() != null) {
            query.sql.append(" and t.priority >= ?");
            query.params.add(filter.minPriority());
        }
        if (filter.dueBefore() != null) {
            query.sql.append(" and t.due_at < ?");
            query.params.add(utc(filter.dueBefore()));
        }
        if (filter.waitingSince() != null) {
            query.sql.append(" and t.created_at < ?");
            query.params.add(utc(filter.waitingSince()));
        }
        return query;
    }

    /** A candidate row {@code c} offering the task to the viewer (or whom they stand in for) or their groups. */
    private static String offeredCondition(Viewer viewer, List<Object> params) {
        StringBuilder condition = new StringBuilder("(c.user_id in (" + placeholders(viewer.actingFor().size()) + ")");
        params.addAll(viewer.actingFor());
        if (!viewer.groups().isEmpty()) {
            condition.append(" or c.group_id in (").append(placeholders(viewer.groups().size())).append(")");
            params.addAll(viewer.groups());
        }
        return condition.append(")").toString();
    }

    private static String placeholders(int count) {
        return "?, ".repeat(Math.max(0, count - 1)) + "?";
    }

    private static Row map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        OffsetDateTime followUp = rs.getObject("follow_up_at", OffsetDateTime.class);
        return new Row(rs.getString("task_id"), rs.getString("task_key"), rs.getString("task_name"),
                rs.getString("assignee"), rs.getInt("priority"), due == null ? null : due.toInstant(),
                followUp == null ? null : followUp.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                new Request(rs.getLong("request_id"), rs.getString("request_number"), rs.getString("request_type"),
                        rs.getString("requester"), rs.getString("summary"), RequestStatus.valueOf(rs.getString("status")),
                        rs.getString("process_instance_id"), rs.getString("outcome_reason"),
                        rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()),
                rs.getString("requester_name"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static final class Query {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();
    }
}
