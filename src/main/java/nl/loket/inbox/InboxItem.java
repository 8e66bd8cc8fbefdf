package nl.loket.inbox;

import java.time.Instant;
import java.util.List;

import nl.loket.request.Request;
import nl.loket.request.RequestFact;

/** A task in someone's inbox together with the request it belongs to. */
public record InboxItem(String taskId, String taskName, String taskKey, Request request, String requesterName,
                        boolean assignedToMe, Instant created, List<RequestFact> facts) {
}
