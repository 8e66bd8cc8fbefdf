package nl.loket.request;

import java.util.List;

/** Implemented by each request type: the details of one of its requests, for display. */
public interface RequestFacts {

    String requestType();

    List<RequestFact> factsOf(Request request);
}
