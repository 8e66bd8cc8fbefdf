package nl.loket.request;

import java.util.List;

import nl.loket.workflow.TimelineEntry;

/** A request with its details and its timeline from the engine's history. */
public record RequestDetail(Request request, List<RequestFact> facts, List<TimelineEntry> timeline) {
}
