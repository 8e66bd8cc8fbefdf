package nl.loket.inbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.loket.request.RequestProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The open steps of requests, from the inbox's read model: who has them or which groups they are offered to. */
@Component
class InboxRequestProgress implements RequestProgress {

    /** At most this many requests per query (the list of my requests asks for a page at a time). */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    InboxRequestProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, List<CurrentStep>> currentSteps(Collection<Long> requestIds) {
        Map<Long, List<CurrentStep>> steps = new HashMap<>();
        List<Long> ids = List.copyOf(requestIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<String, List<String>> groups = groupsOf(chunk);
            jdbc.sql("""
                    select t.task_id, t.request_id, t.request_type, t.task_key, t.task_name, t.created_at, t.due_at,
                           t.assignee, u.display_name
                    from inbox_task t left join loket_user u on u.username = t.assignee
                    where t.request_id in (%s) order by t.created_at""".formatted(placeholders(chunk.size())))
                    .params(chunk)
                    .query((rs, i) -> {
                        String assignee = rs.getString("assignee");
                        String name = rs.getString("display_name");
                        steps.computeIfAbsent(rs.getLong("request_id"), id -> new ArrayList<>()).add(new CurrentStep(
                                rs.getString("request_type"), rs.getString("task_key"), rs.getString("task_name"),
                                assignee, assignee == null ? null : name == null ? assignee : name,
                                assignee == null ? groups.getOrDefault(rs.getString("task_id"), List.of()) : List.of(),
                                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                                instant(rs.getObject("due_at", OffsetDateTime.class))));
                        return null;
                    }).list();
        }
        return steps;
    }

    private Map<String, List<String>> groupsOf(List<Long> requestIds) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        jdbc.sql("""
                select c.task_id, c.group_id from inbox_task_candidate c join inbox_task t on t.task_id = c.task_id
                where c.group_id is not null and t.request_id in (%s) order by c.group_id"""
                        .formatted(placeholders(requestIds.size())))
                .params(requestIds)
                .query((rs, i) -> groups.computeIfAbsent(rs.getString("task_id"), id -> new ArrayList<>())
                        .add(rs.getString("group_id")))
                .list();
        return groups;
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String placeholders(int count) {
        return "?, ".repeat(Math.max(0, count - 1)) + "?";
    }
}
