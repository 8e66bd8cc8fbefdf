package nl.loket.request;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comments, questions and answers on requests. Callers decide who may read and write them. */
@Repository
public class RequestComments {

    public static final int MAX_LENGTH = 4000;
    public static final String FIELD_COMMENT = "comment";

    private final JdbcClient jdbc;
    private final Clock clock;

    RequestComments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Comment> of(long requestId) {
        return jdbc.sql("""
                select c.id, c.author, coalesce(u.display_name, c.author) as author_name, c.kind, c.body, c.created_at
                from request_comment c left join loket_user u on u.username = c.author
                where c.request_id = ? order by c.created_at, c.id""")
                .param(requestId)
                .query((rs, i) -> new Comment(rs.getLong("id"), rs.getString("author"), rs.getString("author_name"),
                        Comment.Kind.valueOf(rs.getString("kind")), rs.getString("body"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Stores a checked comment; blank or too long text is refused with a field message. */
    public void add(long requestId, String author, Comment.Kind kind, String text) {
        String body = FreeText.clean(text);
        if (body.isEmpty()) {
            throw new InvalidRequestException(Map.of(FIELD_COMMENT, "validation.required"));
        }
        if (body.length() > MAX_LENGTH) {
            throw new InvalidRequestException(Map.of(FIELD_COMMENT, "comment.too-long"));
        }
        jdbc.sql("insert into request_comment (request_id, author, kind, body, created_at) values (?, ?, ?, ?, ?)")
                .params(requestId, author, kind.name(), body, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        if (kind == Comment.Kind.QUESTION || kind == Comment.Kind.ANSWER) {
            jdbc.sql("update service_request set question_open = ? where id = ?")
                    .params(kind == Comment.Kind.QUESTION, requestId).update();
        }
    }

    public boolean questionOpen(long requestId) {
        return jdbc.sql("select question_open from service_request where id = ?").param(requestId)
                .query(Boolean.class).single();
    }
}
