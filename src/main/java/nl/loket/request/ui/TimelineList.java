package nl.loket.request.ui;

import java.util.List;
import java.util.function.UnaryOperator;

import nl.loket.ui.Formats;
import nl.loket.ui.ModelTexts;
import nl.loket.workflow.TimelineEntry;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** A request's steps from the engine's history, in human terms, oldest first; the open ones highlighted. */
public class TimelineList extends UnorderedList {

    /** @param displayName username to the name people know */
    public TimelineList(String processKey, List<TimelineEntry> entries, UnaryOperator<String> displayName) {
        addClassName("loket-timeline");
        setId("timeline");
        for (TimelineEntry entry : entries) {
            ListItem item = new ListItem();
            if (!entry.isFinished()) {
                item.addClassName("open");
            }
            if (entry.cancelled() || entry.kind() == TimelineEntry.Kind.WITHDRAWN) {
                item.addClassName("cancelled");
            }
            Span name = new Span(entry.kind() == TimelineEntry.Kind.WITHDRAWN ? getTranslation("timeline.withdrawn")
                    : ModelTexts.activityName(this, processKey, entry.activityId(), entry.activityName() != null
                            // a step the modeller left unnamed is called by what it is, never by its id
                            ? entry.activityName() : getTranslation("timeline.kind." + entry.kind().name())));
            name.addClassNames(LumoUtility.FontWeight.MEDIUM);
            Span when = new Span(" · " + Formats.dateTime(entry.started(), getLocale()));
            when.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            item.add(name, when);
            if (entry.cancelled()) {
                // ended by the withdrawal: nobody did it, whoever had it
                item.add(secondary(getTranslation("timeline.cancelled")));
            } else if (entry.kind() == TimelineEntry.Kind.WITHDRAWN) {
                item.add(secondary(getTranslation("timeline.by", displayName.apply(entry.assignee()))));
                if (entry.note() != null) {
                    Span note = new Span(entry.note());
                    note.addClassName("loket-timeline-note");
                    item.add(note);
                }
            } else if (entry.kind() == TimelineEntry.Kind.USER_TASK && entry.assignee() != null) {
                item.add(secondary(getTranslation(entry.isFinished() ? "timeline.by" : "timeline.waiting-for",
                        displayName.apply(entry.assignee()))));
            } else if (!entry.isFinished()) {
                item.add(secondary(getTranslation("timeline.in-progress")));
            }
            add(item);
        }
    }

    private static Span secondary(String text) {
        Span span = new Span(" · " + text);
        span.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        return span;
    }
}
