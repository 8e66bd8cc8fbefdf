package nl.loket.request;

import java.util.List;

import nl.loket.workflow.TimelineEntry;

/** A request with its details, its timeline from the engine's history, and the steps open now. */
public record RequestDetail(Request request, List<RequestFact> facts, List<TimelineEntry> timeline,
                            List<RequestProgress.CurrentStep> currentSteps, List<Comment> comments,
                            boolean questionOpen) {
}
