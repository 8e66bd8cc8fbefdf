package nl.loket.request;

import java.time.Instant;

/** A comment on a request; a question to the requester and their answer are comments too. */
public record Comment(long id, String author, String authorName, Kind kind, String body, Instant created) {

    public enum Kind { COMMENT, QUESTION, ANSWER }
}
