package nl.loket.request;

import java.time.Instant;

/**
 * What a page compares to see whether something it shows has changed (on any node): a number of rows and the last
 * change among them. Read with one small query; equal marks mean there is nothing to redraw.
 */
public record ChangeMark(long count, Instant lastChange) {
}
