package nl.loket.environment.ui;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import nl.loket.environment.Environment;
import nl.loket.environment.EnvironmentService;
import nl.loket.environment.EnvironmentStatus;
import nl.loket.environment.EnvironmentView;
import nl.loket.environment.Schedule;
import nl.loket.request.InvalidRequestException;
import nl.loket.ui.LayoutBanner;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The Friday nudge: from Friday 16:00 (Amsterdam) a user whose environments still run sees them above every page,
 * with "stop for the weekend" (until Monday 07:00) and "delete" right there.
 */
@org.springframework.stereotype.Component
class FridayNudge implements LayoutBanner {

    private final EnvironmentService environments;
    private final Clock clock;

    FridayNudge(EnvironmentService environments, Clock clock) {
        this.environments = environments;
        this.clock = clock;
    }

    boolean isTime() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(Schedule.AMSTERDAM));
        return now.getDayOfWeek() == DayOfWeek.FRIDAY && now.getHour() >= 16;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> banner() {
        if (!isTime()) {
            return Optional.empty();
        }
        List<Environment> running = environments.mine().stream().map(EnvironmentView::environment)
                .filter(e -> e.status() == EnvironmentStatus.RUNNING).toList();
        return running.isEmpty() ? Optional.empty() : Optional.of(new Banner(running));
    }

    /** The banner itself: one line per running environment with its two actions. */
    private class Banner extends Div {

        Banner(List<Environment> running) {
            setId("friday-nudge");
            addClassName("loket-nudge");
            Span title = new Span(VaadinIcon.MOON_O.create(), new Span(getTranslation("nudge.title", running.size())));
            title.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL,
                    LumoUtility.AlignItems.CENTER);
            Span why = new Span(getTranslation("nudge.why"));
            why.addClassNames(LumoUtility.FontSize.SMALL);
            add(title, new Div(why));
            running.forEach(environment -> add(row(environment)));
        }

        private HorizontalLayout row(Environment environment) {
            Span name = new Span(environment.name());
            name.addClassNames(LumoUtility.FontWeight.MEDIUM);
            Button stop = new Button(getTranslation("nudge.stop-weekend"), VaadinIcon.STOP.create());
            stop.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            stop.setId("nudge-stop-" + environment.id());
            Button delete = new Button(getTranslation("environment.action.delete"), VaadinIcon.TRASH.create());
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            delete.setId("nudge-delete-" + environment.id());
            HorizontalLayout row = new HorizontalLayout(name, stop, delete);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            stop.addClickListener(e -> act(row, () -> environments.stopForTheWeekend(environment.id()),
                    getTranslation("nudge.stopped", environment.name())));
            delete.addClickListener(e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("environment.delete.title", environment.name()),
                        getTranslation("environment.delete.text"), getTranslation("environment.action.delete"),
                        ok -> act(row, () -> environments.deleteNow(environment.id()),
                                getTranslation("environment.delete.done", environment.name())));
                confirm.setConfirmButtonTheme("error primary");
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("environment.action.cancel"));
                confirm.open();
            });
            return row;
        }

        private void act(Component row, Runnable action, String done) {
            try {
                action.run();
                row.setVisible(false);
                Notification.show(done, 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                // the page and the banner itself show the new state
                getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
            } catch (InvalidRequestException e) {
                Notification.show(getTranslation(e.fieldErrors().values().iterator().next()), 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }
}
