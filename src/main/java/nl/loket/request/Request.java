package nl.loket.request;

import java.time.Instant;

/** A submitted request. Its number is the process instance's business key. */
public record Request(long id, String number, String type, String requester, String summary, RequestStatus status,
                      String processInstanceId, String outcomeReason, Instant createdAt, Instant updatedAt) {
}
