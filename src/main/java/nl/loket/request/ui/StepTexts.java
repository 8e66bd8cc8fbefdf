package nl.loket.request.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import nl.loket.request.Request;
import nl.loket.request.RequestProgress;
import nl.loket.ui.Formats;
import nl.loket.ui.ModelTexts;

import com.vaadin.flow.component.Component;

/**
 * "Waiting for Mark de Vries: Approve software access, since today, due 4 Dec 2026": where an open request stands,
 * in words.
 */
final class StepTexts {

    private StepTexts() {
    }

    static String describe(Component component, Request request, List<RequestProgress.CurrentStep> steps, Clock clock) {
        if (request.status().isClosed()) {
            return "";
        }
        if (steps == null || steps.isEmpty()) {
            return component.getTranslation("request.step.automatic");
        }
        return steps.stream().map(step -> describe(component, step, clock)).collect(Collectors.joining("; "));
    }

    private static String describe(Component component, RequestProgress.CurrentStep step, Clock clock) {
        String task = ModelTexts.activityName(component, step.processKey(), step.taskKey(), step.taskName());
        String who = step.assigneeName() != null ? step.assigneeName()
                : step.groups().isEmpty() ? component.getTranslation("request.step.someone")
                : step.groups().stream().map(group -> roleName(component, group)).collect(Collectors.joining(", "));
        long days = Duration.between(step.since(), clock.instant()).toDays();
        String since = days < 1 ? component.getTranslation("request.since.today")
                : component.getTranslation("request.since.days", days);
        if (step.due() == null) {
            return component.getTranslation("request.step.waiting", who, task, since);
        }
        String due = Formats.date(step.due(), Formats.locale(component));
        return component.getTranslation(step.due().isAfter(clock.instant()) ? "request.step.waiting.due"
                : "request.step.waiting.overdue", who, task, since, due);
    }

    private static String roleName(Component component, String group) {
        String key = "role." + group;
        String name = component.getTranslation(key);
        return name.equals(key) ? group : name;
    }
}
